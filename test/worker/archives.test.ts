import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { compileSite } from "../../src/compile/compile-site.ts";
import { formatProblem } from "../../src/content/problem.ts";
import { createApp } from "../../src/routes/router.ts";
import { contentOf, publish } from "./helpers/site.ts";

const post = (fm: string, body = "Body text.") => `---\n${fm}\n---\n${body}\n`;
const FILES = {
  "posts/2010-04-14-ash.md": post(
    "title: Ash cloud\ndate: 2010-04-14T10:00:00Z\nauthor: Tiago\ncategories: [Eyjafjallajökull, News]\ntags: [2009, volcano]",
  ),
  "posts/2009-12-31-late.md": post("title: Late night\ndate: 2009-12-31T20:00:00Z\nauthor: Ana\ncategories: [News]\ntags: [2009]"),
  "posts/2009-06-01-june.md": post("title: June post\ndate: 2009-06-01T08:00:00Z\nauthor: Tiago\ncategories: [News]"),
  "posts/2009-05-01-may.md": post("title: May post\ndate: 2009-05-01T08:00:00Z\nauthor: Tiago\ncategories: [News]"),
  "about.md": post("title: About\nlayout: page"),
};
// Tokyo: 2009-12-31T20:00Z is already 1 January 2010 there.
const CONFIG = "title: Archive Test\ntimezone: Asia/Tokyo\npaginate: 2\n";

const app = createApp();
const get = (path: string, init: RequestInit = {}) => app.request(`http://blog.test${path}`, init, env);
const text = async (path: string) => {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  return res.text();
};
const titles = (page: string) => [...page.matchAll(/<h2 class="entry-title"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);

beforeAll(async () => {
  await publish(contentOf(FILES, CONFIG));
});

describe("term archives", () => {
  it("lists a category's posts newest first, paginated", async () => {
    const first = await text("/category/news/");
    expect(first).toContain("<h1>Category: News</h1>");
    expect(titles(first)).toEqual(["Ash cloud", "Late night"]);
    expect(first).toContain('<a class="next" rel="next" href="/category/news/page/2/">');
    const second = await text("/category/news/page/2/");
    expect(titles(second)).toEqual(["June post", "May post"]);
    expect((await get("/category/news/page/3/")).status).toBe(404);
    const one = await get("/category/news/page/1/", { redirect: "manual" });
    expect([one.status, one.headers.get("Location")]).toEqual([301, "/category/news/"]);
  });

  it("keeps non-ASCII names in the slug", async () => {
    const page = await text("/category/eyjafjallaj%C3%B6kull/");
    expect(page).toContain("<h1>Category: Eyjafjallajökull</h1>");
    expect(titles(page)).toEqual(["Ash cloud"]);
  });

  it("gives a numeric tag its own archive, apart from the year", async () => {
    expect(titles(await text("/tag/2009/"))).toEqual(["Ash cloud", "Late night"]);
    expect(titles(await text("/2009/"))).toEqual(["June post", "May post"]);
  });

  it("has an archive per author", async () => {
    const page = await text("/author/tiago/");
    expect(page).toContain("<h1>Posts by Tiago</h1>");
    expect(titles(page)).toEqual(["Ash cloud", "June post"]);
    expect(titles(await text("/author/ana/"))).toEqual(["Late night"]);
  });
});

describe("date archives", () => {
  it("reads dates in the site's time zone", async () => {
    expect(titles(await text("/2010/"))).toEqual(["Ash cloud", "Late night"]);
    expect(titles(await text("/2010/01/01/"))).toEqual(["Late night"]);
    const month = await text("/2010/01/");
    expect(month).toContain("<h1>January 2010</h1>");
    expect((await get("/2009/12/")).status).toBe(404);
  });

  it("has month and day archives", async () => {
    expect(titles(await text("/2009/06/"))).toEqual(["June post"]);
    expect(await text("/2009/06/01/")).toContain("<h1>June 1, 2009</h1>");
  });
});

describe("archive feeds", () => {
  it("serves an RSS feed for each archive, linked from it", async () => {
    const res = await get("/tag/2009/feed/");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/rss+xml; charset=utf-8");
    const xml = await res.text();
    expect(xml).toContain("<title>Archive Test – Tag: 2009</title>");
    expect(xml).toContain('<atom:link href="http://blog.test/tag/2009/feed/" rel="self"');
    expect([...xml.matchAll(/<item>\n<title>([^<]+)</g)].map((m) => m[1])).toEqual(["Ash cloud", "Late night"]);
    expect(await text("/tag/2009/")).toContain('<a href="/tag/2009/feed/" type="application/rss+xml">');
    expect((await get("/category/eyjafjallaj%C3%B6kull/feed/")).status).toBe(200);
    expect((await get("/author/ana/feed/")).status).toBe(200);
  });
});

describe("post pages", () => {
  it("link their categories, tags and author to the archives", async () => {
    const page = await text("/2010/04/ash/");
    expect(page).toContain('<a rel="category tag" href="/category/eyjafjallaj%C3%B6kull/">Eyjafjallajökull</a>');
    expect(page).toContain('<a rel="tag" href="/tag/2009/">2009</a>');
    expect(page).toContain('<a rel="author" href="/author/tiago/">Tiago</a>');
  });

  it("link to the previous and next post", async () => {
    const page = await text("/2009/06/june/");
    expect(page).toContain('<a class="prev" rel="prev" href="/2009/05/may/"><span>Previous post</span>May post</a>');
    // Dated 2009-12-31T20:00Z, which is already 1 January 2010 on the site's clock (Tokyo).
    expect(page).toContain('<a class="next" rel="next" href="/2010/01/late/"><span>Next post</span>Late night</a>');
    const newest = await text("/2010/04/ash/");
    expect(newest).not.toContain('rel="next"');
  });

  it("serves pages at their permalink without archive links", async () => {
    const page = await text("/about/");
    expect(page).toContain("<h1>About</h1>");
    expect(page).not.toContain('rel="category tag"');
  });
});

describe("collisions", () => {
  it("keeps a post at an archive's address there and moves the archive aside, with a warning at the post's line", () => {
    const reading = compileSite(
      contentOf({
        ...FILES,
        "posts/2011-01-01-clash.md": post("title: Clash\ndate: 2011-01-01\npermalink: /tag/volcano/"),
      }),
      {},
      Date.parse("2026-01-01T00:00:00Z"),
    );
    expect(reading.problems).toEqual([]);
    expect(reading.build?.pages.get("/tag/volcano/")?.model.kind).toBe("post");
    expect(reading.build?.pages.get("/index.php/tag/volcano/")?.model.kind).toBe("list");
    expect(reading.warnings.map(formatProblem)).toContain(
      'posts/2011-01-01-clash.md:4: /tag/volcano/ is this file\'s address, as on the old site; the archive "Tag: volcano" moves to /index.php/tag/volcano/',
    );
  });

  it("reports an old path that is an archive's address", () => {
    const reading = compileSite(
      contentOf({ ...FILES, "posts/2011-01-01-old.md": post("title: Old\ndate: 2011-01-01\nredirect_from: [/2009/]") }),
      {},
      Date.parse("2026-01-01T00:00:00Z"),
    );
    expect(reading.problems.map(formatProblem)).toEqual([
      'posts/2011-01-01-old.md:4: redirect_from /2009/ is the address of the archive "2009"',
    ]);
  });
});
