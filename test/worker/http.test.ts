import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { CACHE_POLICY } from "../../src/http/cache-policy.ts";
import { createApp } from "../../src/routes/router.ts";
import { contentOf, publish } from "./helpers/site.ts";

const app = createApp();
const get = (path: string, init: RequestInit = {}) => app.request(`https://blog.test${path}`, { redirect: "manual", ...init }, env);

beforeAll(async () => {
  await publish(
    contentOf({
      "posts/2010-04-01-taipei.md":
        "---\nid: 41\ntitle: 台北 &amp; more\ndate: 2010-04-01 10:00\npermalink: /2010/04/%e5%8f%b0%e5%8c%97/\n---\n文字。\n",
      "posts/2010-04-02-cafe.md":
        "---\ntitle: Café\ndate: 2010-04-02T10:00:00+00:00\nguid: http://old.example/?p=42\npermalink: /café/\n---\nCoffee.\n",
      "posts/2010-04-03-moved.md":
        "---\ntitle: Moved\ndate: 2010-04-03\nredirect_from:\n  - /old-address/\n  - /2010/04/moved.html\n---\nHere now.\n",
      "about.md": "---\ntitle: About\nlayout: page\n---\nAbout us.\n",
    }),
  );
});

describe("permalinks in any script", () => {
  it.each(["/2010/04/%E5%8F%B0%E5%8C%97/", "/2010/04/%e5%8f%b0%e5%8c%97/"])("answers %s however it is encoded", async (path) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<h1>台北 &amp; more</h1>");
  });

  it("answers a decomposed (NFD) spelling of the same path", async () => {
    const res = await get(`/${encodeURIComponent("cafe\u0301")}/`);
    expect(res.status).toBe(200);
  });

  it("redirects the slashless form to the canonical encoded path", async () => {
    const res = await get("/2010/04/%E5%8F%B0%E5%8C%97");
    expect(res.status).toBe(301);
    expect(res.headers.get("Location")).toBe("/2010/04/%E5%8F%B0%E5%8C%97/");
  });

  it("answers 404 for broken percent-encoding instead of failing", async () => {
    const res = await get("/%E5%8F/");
    expect(res.status).toBe(404);
  });
});

describe("old addresses", () => {
  it("sends WordPress's /?p=ID to the post", async () => {
    const res = await get("/?p=41");
    expect(res.status).toBe(301);
    expect(res.headers.get("Location")).toBe("/2010/04/%E5%8F%B0%E5%8C%97/");
  });

  it.each(["/old-address/", "/2010/04/moved.html"])("sends redirect_from %s to the post", async (path) => {
    const res = await get(path);
    expect(res.status).toBe(301);
    expect(res.headers.get("Location")).toBe("/2010/04/moved/");
  });
});

describe("cache headers and validators", () => {
  it("gives pages a policy and a strong ETag, and no Last-Modified", async () => {
    const res = await get("/café/");
    expect(res.headers.get("Cache-Control")).toBe(CACHE_POLICY.page);
    expect(res.headers.get("ETag")).toMatch(/^"[A-Za-z0-9_-]{24}"$/);
    expect(res.headers.get("Last-Modified")).toBeNull();
  });

  it("derives the ETag from the content: same page, same tag; other page, other tag", async () => {
    const a = (await get("/café/")).headers.get("ETag");
    const b = (await get("/café/")).headers.get("ETag");
    const c = (await get("/about/")).headers.get("ETag");
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it("answers 304 with no body for a matching If-None-Match, keeping the validators", async () => {
    const etag = (await get("/café/")).headers.get("ETag") ?? "";
    const res = await get("/café/", { headers: { "If-None-Match": `"other", W/${etag}` } });
    expect(res.status).toBe(304);
    expect(res.headers.get("ETag")).toBe(etag);
    expect(res.headers.get("Cache-Control")).toBe(CACHE_POLICY.page);
    expect(await res.text()).toBe("");
    expect((await get("/café/", { headers: { "If-None-Match": '"stale"' } })).status).toBe(200);
  });

  it("uses a feed policy for the feed, a short one for 404s and a long one for redirects", async () => {
    expect((await get("/feed/")).headers.get("Cache-Control")).toBe(CACHE_POLICY.feed);
    expect((await get("/nope/")).headers.get("Cache-Control")).toBe(CACHE_POLICY.notFound);
    expect((await get("/old-address/")).headers.get("Cache-Control")).toBe(CACHE_POLICY.redirect);
  });
});

describe("feed", () => {
  it("serves RSS with absolute links on the request's origin", async () => {
    const res = await get("/feed/");
    expect(res.headers.get("Content-Type")).toBe("application/rss+xml; charset=utf-8");
    const xml = await res.text();
    expect(xml).toContain("<link>https://blog.test/2010/04/%E5%8F%B0%E5%8C%97/</link>");
    expect(xml).toContain('<guid isPermaLink="false">http://old.example/?p=42</guid>');
    expect(xml.indexOf("<title>Moved</title>")).toBeLessThan(xml.indexOf("<title>Café</title>"));
  });

  it("answers HEAD with the same headers and no body", async () => {
    const head = await get("/feed/", { method: "HEAD" });
    const full = await get("/feed/");
    expect(head.status).toBe(200);
    expect(head.headers.get("ETag")).toBe(full.headers.get("ETag"));
    expect(await head.text()).toBe("");
  });
});

describe("methods", () => {
  it.each(["POST", "PUT", "DELETE", "PATCH"])("answers %s with 405 and Allow", async (method) => {
    const res = await get("/café/", { method });
    expect(res.status).toBe(405);
    expect(res.headers.get("Allow")).toBe("GET, HEAD");
  });
});
