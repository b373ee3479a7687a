import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { CACHE_POLICY } from "../../src/http/cache-policy.ts";
import { createApp } from "../../src/routes/router.ts";
import { contentOf, publish } from "./helpers/site.ts";

const PUBLISHED_AT = new Date("2026-11-25T12:00:00Z");
const FUTURE = Date.parse("2026-11-25T15:00:00Z");
const post = (fm: string, body = "Words about the harbour.") => `---\n${fm}\n---\n${body}\n`;
const FILES = {
  "posts/2026-11-20-now.md": post(
    "title: Out already\ndate: 2026-11-20T10:00:00Z\ntags: [harbour]",
    'Words about the harbour.\n\n<iframe src="https://player.vimeo.com/video/1" title="Harbour"></iframe>',
  ),
  "posts/2026-11-25-later.md": post(
    "id: 77\ntitle: Out this afternoon\ndate: 2026-11-25T15:00:00Z\ntags: [harbour]\nredirect_from: [/old-later/]",
  ),
};
const LATER = "/2026/11/later/";

const at = (ms: number) => {
  const app = createApp({ now: () => ms });
  return (path: string, init: RequestInit = {}) => app.request(`http://blog.test${path}`, init, env);
};
const maxAge = (res: Response) => Number(/max-age=(\d+)/.exec(res.headers.get("Cache-Control") ?? "")?.[1]);

beforeAll(async () => {
  await publish(contentOf(FILES), { now: PUBLISHED_AT });
});

describe("a post dated in the future", () => {
  const early = at(FUTURE - 3_600_000);
  const late = at(FUTURE + 1);

  it("is not served before its date, anywhere", async () => {
    expect((await early(LATER)).status).toBe(404);
    for (const path of ["/", "/feed/", "/tag/harbour/", "/tag/harbour/feed/", "/2026/11/", "/?s=harbour"]) {
      const body = await (await early(path)).text();
      expect(body, path).toContain("Out already");
      expect(body, path).not.toContain("Out this afternoon");
    }
    const sitemap = await (await early("/sitemap.xml")).text();
    expect(sitemap).toContain("/2026/11/now/");
    expect(sitemap).not.toContain(LATER);
    expect((await early("/2026/11/25/")).status).toBe(404);
    expect((await early("/?p=77", { redirect: "manual" })).status).toBe(404);
    expect((await early("/old-later/", { redirect: "manual" })).status).toBe(404);
    expect(await (await early("/2026/11/now/")).text()).not.toContain('rel="next"');
  });

  it("appears everywhere once its date has passed, without a new publish", async () => {
    expect((await late(LATER)).status).toBe(200);
    for (const path of ["/", "/feed/", "/tag/harbour/", "/tag/harbour/feed/", "/2026/11/", "/2026/11/25/", "/?s=afternoon"]) {
      expect(await (await late(path)).text(), path).toContain("Out this afternoon");
    }
    expect(await (await late("/sitemap.xml")).text()).toContain(`<loc>http://blog.test${LATER}</loc>`);
    expect((await late("/?p=77", { redirect: "manual" })).headers.get("Location")).toBe(LATER);
    expect((await late("/old-later/", { redirect: "manual" })).headers.get("Location")).toBe(LATER);
    expect(await (await late("/2026/11/now/")).text()).toContain(`<a class="next" rel="next" href="${LATER}">`);
  });

  it("keeps each page's Content-Security-Policy before and after that moment", async () => {
    // The older post's page changes at that moment (it gains a link to the newer one); its embed must stay allowed.
    for (const get of [early, late]) {
      const policy = (await get("/2026/11/now/")).headers.get("Content-Security-Policy") ?? "";
      expect(policy).toMatch(/frame-src 'self' https:\/\/player\.vimeo\.com/);
    }
  });

  it("keeps every cache from holding an answer past that moment", async () => {
    for (const path of ["/", "/2026/11/now/", "/feed/", "/sitemap.xml", "/?s=harbour", LATER]) {
      const res = await early(path);
      expect(maxAge(res), path).toBeLessThanOrEqual(3600);
      expect(res.headers.get("Cache-Control"), path).not.toContain("stale-while-revalidate");
    }
    // Once nothing is scheduled any more, the usual policies apply.
    expect((await late("/")).headers.get("Cache-Control")).toBe(CACHE_POLICY.page);
  });
});
