import { beforeAll, describe, expect, it } from "vitest";
import { siteRequests } from "./helpers/requests.ts";
import { contentOf, publish } from "./helpers/site.ts";

const FILES = {
  "posts/2008-07-22-first-post.md": `---
title: First Post
date: 2008-07-22T15:40:00+00:00
guid: http://example.info/?p=3
permalink: /2008/07/first-post/
blogger_permalink:
  - /2008/07/first-post.html
redirect_from:
  - /archives/3
  - /old/first-post/
---
Hello.
`,
  "posts/2009-01-01-with-id.md": "---\nid: 278\ntitle: With id\ndate: 2009-01-01\nguid: http://example.info/?p=999\n---\nText.\n",
  "contact.md": "---\ntitle: Contact\nlayout: page\nguid: http://example.info/?page_id=12\n---\nWrite to us.\n",
};

const { get, movedTo } = siteRequests();

beforeAll(async () => {
  await publish(contentOf(FILES));
});

describe("old links", () => {
  it("sends /?p=ID to the post, taking the id from the guid when there is no id", async () => {
    expect(await movedTo("/?p=3")).toBe("/2008/07/first-post/");
    expect(await movedTo("/?p=278")).toBe("/2009/01/with-id/");
    expect(await movedTo("/?page_id=12")).toBe("/contact/");
    expect((await get("/?p=12345")).status).toBe(404);
  });

  it("answers every redirect_from path with 301 to the post", async () => {
    expect(await movedTo("/archives/3")).toBe("/2008/07/first-post/");
    expect(await movedTo("/old/first-post/")).toBe("/2008/07/first-post/");
    expect(await movedTo("/archives/3/")).toBe("/2008/07/first-post/");
    expect(await movedTo("/old/first-post")).toBe("/2008/07/first-post/");
  });

  it("answers Blogger-era addresses kept in blogger_permalink", async () => {
    expect(await movedTo("/2008/07/first-post.html")).toBe("/2008/07/first-post/");
  });
});

describe("sitemap and robots.txt", () => {
  it("lists every post, page and archive with its last change", async () => {
    const res = await get("/sitemap.xml");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/xml; charset=utf-8");
    const xml = await res.text();
    const urls = [...xml.matchAll(/<url><loc>([^<]+)<\/loc><lastmod>([^<]+)<\/lastmod><\/url>/g)].map((m) => [m[1], m[2]]);
    expect(urls).toContainEqual(["http://blog.test/2008/07/first-post/", "2008-07-22T15:40:00.000Z"]);
    // A page written without a date is listed without a lastmod, never with a made-up one.
    expect(xml).toContain("<url><loc>http://blog.test/contact/</loc></url>");
    expect(urls).toContainEqual(["http://blog.test/2009/", "2009-01-01T00:00:00.000Z"]);
    expect(urls).toContainEqual(["http://blog.test/", "2009-01-01T00:00:00.000Z"]);
    expect(urls.map(([u]) => u)).not.toContain("http://blog.test/feed/");
  });

  it("points robots.txt at the sitemap", async () => {
    const res = await get("/robots.txt");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(await res.text()).toBe("User-agent: *\nAllow: /\n\nSitemap: http://blog.test/sitemap.xml\n");
  });
});
