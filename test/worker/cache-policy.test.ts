/**
 * What each kind of answer tells browsers and Cloudflare's cache in front of the Worker, read off real
 * responses (never off the policy table itself), and the purge that keeps that cache from outliving a
 * release.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/routes/router.ts";
import { contentOf, fixtureSite, publish } from "./helpers/site.ts";
import { liveRelease } from "./helpers/snapshot.ts";

const LOG = "/2009/10/the-lighthouse-keepers-log/";
const app = createApp({ cache: { shared: null } });
const get = (path: string, init: RequestInit = {}) => app.request(`http://blog.test${path}`, init, env);

beforeAll(async () => {
  await publish(fixtureSite());
});

/** Directives of a Cache-Control value, as name → value (true for a bare directive). */
function directives(value: string | null): Map<string, string | true> {
  return new Map(
    (value ?? "").split(",").map((part) => {
      const [name = "", arg] = part.trim().split("=");
      return [name.toLowerCase(), arg ?? true];
    }),
  );
}

describe("what browsers are told", () => {
  const cases: Array<[string, string, number, string]> = [
    ["post page", LOG, 200, "public, max-age=60, stale-while-revalidate=86400, stale-if-error=604800"],
    ["home page", "/", 200, "public, max-age=60, stale-while-revalidate=86400, stale-if-error=604800"],
    ["feed", "/feed/", 200, "public, max-age=900, stale-while-revalidate=86400, stale-if-error=604800"],
    ["sitemap", "/sitemap.xml", 200, "public, max-age=3600, stale-while-revalidate=86400, stale-if-error=604800"],
    ["favicon", "/favicon.svg", 200, "public, max-age=86400, stale-while-revalidate=604800, stale-if-error=604800"],
    ["404", "/no/such/page/", 404, "public, max-age=60, stale-while-revalidate=60"],
    ["redirect", LOG.slice(0, -1), 301, "public, max-age=86400, stale-while-revalidate=86400, stale-if-error=604800"],
  ];

  for (const [label, path, status, policy] of cases) {
    it(`gives the ${label} its policy, and a 200 a validator that earns a 304`, async () => {
      const res = await get(path, { redirect: "manual" });
      expect(res.status).toBe(status);
      expect(res.headers.get("Cache-Control")).toBe(policy);
      if (status === 200) {
        // Revalidation needs a strong validator on every cacheable 200.
        const etag = res.headers.get("ETag") ?? "";
        expect(etag).toMatch(/^"[^"]+"$/);
        expect((await get(path, { headers: { "If-None-Match": etag } })).status).toBe(304);
      }
    });
  }

  it("lets no cache keep an answer that is not there yet", async () => {
    const empty = createApp({ cache: { shared: null } });
    const res = await empty.request("http://blog.test/", {}, { BLOG: await emptyNamespace() });
    expect(res.status).toBe(503);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(res.headers.get("Cloudflare-CDN-Cache-Control")).toBeNull();
  });
});

describe("what Cloudflare's cache in front of the Worker is told", () => {
  it("keeps pages, feeds, redirects and 404s for 30 s at most, tagged with their release", async () => {
    const release = await liveRelease(env.BLOG);
    for (const path of [LOG, "/", "/feed/", "/no/such/page/", LOG.slice(0, -1)]) {
      const res = await get(path, { redirect: "manual" });
      const edge = directives(res.headers.get("Cloudflare-CDN-Cache-Control"));
      expect(Number(edge.get("max-age")), path).toBe(30);
      // Nothing stale from the edge: it must never answer with a page older than what the Worker would.
      expect(edge.has("stale-while-revalidate"), path).toBe(false);
      expect(res.headers.get("Cache-Tag"), path).toBe(`edgepress-release-${release.id}`);
    }
  });
});

describe("purging Cloudflare's cache when a new release goes live", () => {
  it("asks the runtime to purge the old release's tag once, from the first request that sees the new one", async () => {
    const purged: string[][] = [];
    const ctx = {
      waitUntil: (work: Promise<unknown>) => void work,
      passThroughOnException: () => {},
      props: {},
      cache: {
        purge: async (options: { tags?: string[] }) => {
          purged.push(options.tags ?? []);
          return { success: true, errors: [] };
        },
      },
    } as unknown as ExecutionContext;
    const kv = await emptyNamespace();
    await publish(contentOf({ "_posts/2024-01-01-a.md": "---\ntitle: A\ndate: 2024-01-01\n---\nFirst.\n" }), { kv });
    const first = await liveRelease(kv);
    let clock = 0;
    const isolate = createApp({ now: () => clock });
    await isolate.request("http://blog.test/", {}, { BLOG: kv }, ctx);
    expect(purged).toEqual([]);
    await publish(contentOf({ "_posts/2024-01-01-a.md": "---\ntitle: A\ndate: 2024-01-01\n---\nSecond.\n" }), { kv });
    clock = 60_000;
    await isolate.request("http://blog.test/", {}, { BLOG: kv }, ctx);
    await isolate.request("http://blog.test/2024/01/a/", {}, { BLOG: kv }, ctx);
    expect(purged).toEqual([[`edgepress-release-${first.id}`]]);
  });
});

async function emptyNamespace(): Promise<KVNamespace> {
  const keys = await env.RESTORED.list();
  await Promise.all(keys.keys.map((k) => env.RESTORED.delete(k.name)));
  return env.RESTORED;
}
