/**
 * WordPress's query addresses, which work under every permalink setting: each selects an archive, a
 * feed, a post or a file and answers with one 301 to where that is here; a query that selects
 * something this site does not have is a 404, never the home page; tracking parameters keep the page.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { compileSite } from "../../src/compile/compile-site.ts";
import { bindingPort } from "../../src/store/binding-port.ts";
import { publishBuild } from "../../src/store/publish.ts";
import { siteRequests } from "./helpers/requests.ts";
import { contentOf } from "./helpers/site.ts";

const post = (title: string, date: string, terms: string) => `---\ntitle: ${title}\ndate: ${date}\nauthor: Ana\n${terms}\n---\nText.\n`;
const FILES = {
  "posts/2009-10-15-first.md": post("First", "2009-10-15T10:00:00Z", "categories: [News]\ntags: [volcano]"),
  "posts/2009-11-02-second.md": post("Second", "2009-11-02T10:00:00Z", "categories: [News]\ntags: [ash]"),
  "posts/2010-01-05-third.md": post("Third", "2010-01-05T10:00:00Z", "categories: [Travel]"),
  // Imported from WordPress (they have its ids): `?name=` and `?pagename=` find them by slug and path.
  "posts/2008-06-04-hello-world.md": post("Hello world!", "2008-06-04T10:00:00Z", "id: 1\npermalink: /2008/06/04/hello-world/"),
  "posts/2008-06-05-cafe.md": post("Café", "2008-06-05T10:00:00Z", "id: 5\npermalink: /2008/06/05/café/"),
  "crew.md": "---\ntitle: Crew\nid: 2\nlayout: page\npermalink: /harbour/crew/\n---\nWho sails.\n",
  "harbour.md": "---\ntitle: Harbour\nid: 3\nlayout: page\npermalink: /harbour/\n---\nWhere.\n",
};

const { get, movedTo } = siteRequests();

beforeAll(async () => {
  const compiled = compileSite(contentOf(FILES, "title: Query test\npaginate: 1\n"), {}, Date.parse("2026-01-01"));
  if (compiled.build === null) throw new Error(JSON.stringify(compiled.problems));
  // The ids a WordPress export names (the importer fills these from the export's own ids).
  compiled.build.wordpressIds.set("category:3", "/category/news/");
  compiled.build.wordpressIds.set("tag:7", "/tag/volcano/");
  compiled.build.wordpressIds.set("author:1", "/author/ana/");
  compiled.build.wordpressIds.set("attachment:45", "/images/dot.png");
  // The file is one of the site's static assets (served ahead of the Worker).
  (compiled.build.assets as Set<string>).add("/images/dot.png");
  await publishBuild(bindingPort(env.BLOG), compiled.build, { now: new Date("2026-01-01"), dryRun: false });
});

describe("WordPress query addresses", () => {
  it("send ?feed= to the feed in that format", async () => {
    expect(await movedTo("/?feed=rss2")).toBe("/feed/");
    expect(await movedTo("/?feed=rss")).toBe("/feed/");
    expect(await movedTo("/?feed=atom")).toBe("/feed/atom/");
    expect(await movedTo("/?feed=comments-rss2")).toBe("/comments/feed/");
    expect(await movedTo("/?cat=3&feed=rss2")).toBe("/category/news/feed/");
  });

  it("send ?m= and ?year=&monthnum=&day= to the date archive", async () => {
    expect(await movedTo("/?m=2009")).toBe("/2009/");
    expect(await movedTo("/?m=200910")).toBe("/2009/10/");
    expect(await movedTo("/?m=20091015")).toBe("/2009/10/15/");
    expect(await movedTo("/?year=2009&monthnum=11&day=2")).toBe("/2009/11/02/");
    expect(await movedTo("/?m=200911&paged=1")).toBe("/2009/11/");
    expect((await get("/?m=200812")).status).toBe(404);
    expect((await get("/?m=2009abc")).status).toBe(404);
  });

  it("send ?tag=, ?category_name= and ?author_name= to the archive, and ids to what they name", async () => {
    expect(await movedTo("/?tag=volcano")).toBe("/tag/volcano/");
    expect(await movedTo("/?category_name=news")).toBe("/category/news/");
    expect(await movedTo("/?category_name=places/travel")).toBe("/category/travel/");
    expect(await movedTo("/?author_name=ana")).toBe("/author/ana/");
    expect(await movedTo("/?cat=3")).toBe("/category/news/");
    expect(await movedTo("/?tag_id=7")).toBe("/tag/volcano/");
    expect(await movedTo("/?author=1")).toBe("/author/ana/");
    expect(await movedTo("/?attachment_id=45")).toBe("/images/dot.png");
    expect(await movedTo("/?paged=2")).toBe("/page/2/");
    expect(await movedTo("/?cat=3&paged=2")).toBe("/category/news/page/2/");
    expect(await movedTo("/index.php?m=2010")).toBe("/2010/");
  });

  it("send ?name= to the post of that slug and ?pagename= to the page at that path", async () => {
    expect(await movedTo("/?name=hello-world")).toBe("/2008/06/04/hello-world/");
    expect(await movedTo("/?name=Hello-World")).toBe("/2008/06/04/hello-world/");
    expect(await movedTo("/?name=caf%C3%A9")).toBe("/2008/06/05/caf%C3%A9/");
    expect(await movedTo("/?pagename=harbour")).toBe("/harbour/");
    expect(await movedTo("/?pagename=harbour/crew")).toBe("/harbour/crew/");
    expect(await movedTo("/?pagename=/harbour/crew/")).toBe("/harbour/crew/");
    expect((await get("/?pagename=crew")).status).toBe(404);
    expect((await get("/?name=harbour")).status).toBe(404);
    expect((await get("/?pagename=hello-world")).status).toBe(404);
  });

  it("answer 404, never the home page, when the query selects something this site does not have", async () => {
    for (const query of [
      "?cat=99",
      "?author=2",
      "?tag_id=1",
      "?attachment_id=1",
      "?tag=nothing",
      "?category_name=none",
      "?name=some-slug",
      "?pagename=about",
      "?p=12345",
      "?paged=99",
      "?feed=nonsense",
      "?cat=-3",
      "?error=404",
    ]) {
      const res = await get(`/${query}`);
      expect(res.status, query).toBe(404);
      expect(await res.text(), query).toContain("Page not found");
    }
  });

  it("keep the page for tracking parameters and queries WordPress does not read", async () => {
    for (const query of ["?utm_source=newsletter&utm_medium=email", "?fbclid=abc123", "?gclid=x", "?ref=producthunt"]) {
      const res = await get(`/${query}`);
      expect(res.status, query).toBe(200);
      expect(await res.text(), query).toContain("Third");
    }
    expect((await get("/index.php")).status).toBe(301);
    expect((await get("/?s=volcano")).status).toBe(200);
  });
});
