/**
 * Shared drafts: a signed, expiring link at which one draft is served as it will look, private,
 * unindexed, kept by no cache, and in nothing else the site serves; revoked or expired, a 404.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { compileDraft } from "../../src/compile/draft-preview.ts";
import type { ContentFiles } from "../../src/content/content-files.ts";
import { createApp } from "../../src/routes/router.ts";
import { bindingPort } from "../../src/store/binding-port.ts";
import { CURRENT_KEY } from "../../src/store/keys.ts";
import { revokePreview, sharePreview } from "../../src/store/previews.ts";
import { publish } from "./helpers/site.ts";

const files = import.meta.glob("../fixtures/shared-draft/**/*.{md,yml}", { query: "?raw", import: "default", eager: true }) as Record<
  string,
  string
>;
const rel = (p: string) => p.slice("../fixtures/shared-draft/".length);
/** The folder as the loader reads it: `_drafts/` left out, a `draft: true` file read (and skipped by the compiler). */
const content: ContentFiles = {
  files: Object.entries(files)
    .filter(([p]) => rel(p).startsWith("posts/"))
    .map(([p, text]) => ({ path: rel(p), text, inPosts: false })),
  config: { path: "_config.yml", text: files["../fixtures/shared-draft/_config.yml"] ?? "" },
  media: [],
  skipped: [{ path: "_drafts/", reason: "drafts are never published" }],
  problems: [],
};
const NOW = Date.parse("2026-11-25T12:00:00Z");
const DAY = 86_400_000;

async function share(path: string, lifetime = 7 * DAY) {
  const draft = compileDraft(content, { path, text: files[`../fixtures/shared-draft/${path}`] ?? "", inPosts: false }, NOW);
  if (!("ok" in draft)) throw new Error(JSON.stringify(draft.problems));
  const { source: _source, ...page } = draft.ok;
  return sharePreview(bindingPort(env.BLOG), { ...page, source: path }, NOW, lifetime);
}

const at = (now: number) => createApp({ now: () => now });
const get = (app: ReturnType<typeof createApp>, path: string) => app.request(`http://blog.test${path}`, {}, env);

let pointer: string | null = null;
beforeAll(async () => {
  await publish(content, { now: new Date(NOW) });
  pointer = await env.BLOG.get(CURRENT_KEY);
});

describe("a shared draft", () => {
  it("is served at its signed link as it will look: private, unindexed, outside every cache", async () => {
    const shared = await share("_drafts/kelp-forests.md");
    expect(shared.path).toMatch(/^\/_preview\/[0-9a-f]{16}\.[A-Za-z0-9_-]{43}$/);
    expect(shared.record.permalink).toBe("/2026/11/kelp-forests/");
    const res = await get(at(NOW), shared.path);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    expect(res.headers.get("X-Robots-Tag")).toBe("noindex");
    expect(res.headers.get("Cloudflare-CDN-Cache-Control")).toBeNull();
    expect(res.headers.get("Cache-Tag")).toBeNull();
    expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'self'");
    const html = await res.text();
    expect(html).toContain("<h1>Kelp forests</h1>");
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toContain('rel="canonical"');
    // The site around it, with its title and its related posts, as on the live site.
    expect(html).toContain("Field Notes");
    expect(html).toContain("Paper lanterns");
    // The live release is untouched.
    expect(await env.BLOG.get(CURRENT_KEY)).toBe(pointer);
  });

  it("is in no page, list, feed, sitemap, search result or related-posts box of the site", async () => {
    const shared = await share("posts/2026-11-20-unfinished.md");
    const app = at(NOW);
    expect((await get(app, shared.path)).status).toBe(200);
    for (const path of ["/", "/feed/", "/feed/atom/", "/feed.json", "/sitemap.xml", "/2026/11/lanterns/", "/tag/sea/"]) {
      const body = await (await get(app, path)).text();
      expect(body, path).not.toContain("Kelp forests");
      expect(body, path).not.toContain("Unfinished business");
    }
    for (const word of ["kelpword", "unfinishedword"])
      expect(await (await get(app, `/search/${word}/`)).text()).toContain("Nothing matched.");
    expect((await get(app, "/2026/11/unfinished/")).status).toBe(404);
    expect((await get(app, "/2026/11/kelp-forests/")).status).toBe(404);
  });

  it("answers 404, uncached, for a wrong signature, once revoked, and once expired", async () => {
    const shared = await share("_drafts/kelp-forests.md", 2 * DAY);
    const app = at(NOW);
    const forged = `${shared.path.slice(0, -3)}${shared.path.endsWith("AAA") ? "BBB" : "AAA"}`;
    const wrong = await get(app, forged);
    expect(wrong.status).toBe(404);
    expect(wrong.headers.get("Cache-Control")).toBe("private, no-store");
    expect(wrong.headers.get("X-Robots-Tag")).toBe("noindex");
    expect((await get(app, "/_preview/nothing")).status).toBe(404);

    expect((await get(at(NOW + 2 * DAY - 1000), shared.path)).status).toBe(200);
    expect((await get(at(NOW + 2 * DAY), shared.path)).status).toBe(404);

    expect((await get(app, shared.path)).status).toBe(200);
    expect(await revokePreview(bindingPort(env.BLOG), shared.record.id)).toBe(true);
    // The same isolate asked a moment ago: nothing of that answer was kept.
    const revoked = await get(app, shared.path);
    expect(revoked.status).toBe(404);
    expect(await revoked.text()).toContain("Page not found");
  });
});
