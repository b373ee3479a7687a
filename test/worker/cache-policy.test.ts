import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { CACHE_POLICY, type CachePolicyName } from "../../src/http/cache-policy.ts";
import { createApp } from "../../src/routes/router.ts";
import { projectContent, publish } from "./helpers/site.ts";

const SEED = "/2009/10/sidekick-data-recovered-most-of-it-maybe-all/";
const app = createApp({ cache: { shared: null } });
const get = (path: string, init: RequestInit = {}) => app.request(`http://blog.test${path}`, init, env);

beforeAll(async () => {
  await publish(projectContent());
});

/** Directives of a Cache-Control value, as name → value (true for a bare directive). */
function directives(value: string): Map<string, string | true> {
  return new Map(
    value.split(",").map((part) => {
      const [name = "", arg] = part.trim().split("=");
      return [name.toLowerCase(), arg ?? true];
    }),
  );
}

describe("cache policies", () => {
  const cases: Array<[string, string, CachePolicyName, number]> = [
    ["post page", SEED, "page", 200],
    ["home page", "/", "page", 200],
    ["feed", "/feed/", "feed", 200],
    ["image", "/images/publish-flow.svg", "asset", 200],
    ["favicon", "/favicon.svg", "asset", 200],
    ["404", "/no/such/page/", "notFound", 404],
    ["redirect", SEED.slice(0, -1), "redirect", 301],
  ];

  for (const [label, path, policy, status] of cases) {
    it(`gives the ${label} the ${policy} policy`, async () => {
      const res = await get(path, { redirect: "manual" });
      expect(res.status).toBe(status);
      expect(res.headers.get("Cache-Control")).toBe(CACHE_POLICY[policy]);
      if (status === 200) {
        // Revalidation needs a strong validator on every cacheable 200.
        const etag = res.headers.get("ETag") ?? "";
        expect(etag).toMatch(/^"[^"]+"$/);
        expect((await get(path, { headers: { "If-None-Match": etag } })).status).toBe(304);
      }
    });
  }

  it("lets every cacheable 200 be served stale while revalidating and when the Worker fails", () => {
    for (const name of ["page", "feed", "sitemap", "asset", "redirect"] as const) {
      const d = directives(CACHE_POLICY[name]);
      expect(Number(d.get("max-age")), name).toBeGreaterThan(0);
      expect(Number(d.get("stale-while-revalidate")), name).toBeGreaterThan(0);
      expect(Number(d.get("stale-if-error")), name).toBeGreaterThan(0);
    }
    expect(directives(CACHE_POLICY.notFound).has("stale-if-error")).toBe(false);
    expect(CACHE_POLICY.none).toBe("no-store");
  });
});
