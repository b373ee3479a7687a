import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/routes/router.ts";
import { fixtureSite, publish } from "./helpers/site.ts";

const app = createApp();
const get = (path: string) => app.request(`http://blog.test${path}`, {}, env);

beforeAll(async () => {
  await publish(fixtureSite());
});

describe("site feeds", () => {
  it("serves Atom at /feed/atom/ with the newest posts and full content", async () => {
    const res = await get("/feed/atom/");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    expect(res.headers.get("Cache-Control")).toContain("max-age=900");
    const xml = await res.text();
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="http://blog.test/feed/atom/"/>');
    expect(xml.indexOf("Charts on the wall")).toBeLessThan(xml.indexOf("The lighthouse keeper’s log"));
    expect(xml).toContain('<content type="html">');
  });

  it("serves JSON Feed 1.1 at /feed.json", async () => {
    const res = await get("/feed.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/feed+json; charset=utf-8");
    const feed = (await res.json()) as { version: string; feed_url: string; items: Array<{ id: string; content_html: string }> };
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.feed_url).toBe("http://blog.test/feed.json");
    expect(feed.items.length).toBeGreaterThan(3);
    for (const item of feed.items) expect(item.content_html.length).toBeGreaterThan(0);
  });

  it("announces all three feeds from every page, the 404 included", async () => {
    for (const path of ["/", "/about/", "/no/such/page/"]) {
      const page = await (await get(path)).text();
      expect(page).toContain('type="application/rss+xml"');
      expect(page).toContain('type="application/atom+xml"');
      expect(page).toContain('type="application/feed+json"');
    }
  });
});
