/**
 * An author's address wins over the engine's own: a post or page at `/search/`, `/feed/`, `/page/2/`,
 * an archive's address, `/sitemap.xml` or `/robots.txt` answers there, as on the old site. The
 * engine's page moves to the same address after `/index.php`, and every link and old address that led
 * to it leads there; search keeps `/?s=`, where its form sends.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { compileSite } from "../../src/compile/compile-site.ts";
import { formatProblem } from "../../src/content/problem.ts";
import { siteRequests } from "./helpers/requests.ts";
import { contentOf, publish } from "./helpers/site.ts";

const { get, movedTo } = siteRequests();
const file = (fm: string, body: string) => `---\n${fm}\n---\n${body}\n`;
const FILES = {
  // WordPress's block test data has a post called "Search" at /search/.
  "posts/2024-01-01-search.md": file("title: Search\ndate: 2024-01-01\npermalink: /search/", "The search post's own words."),
  "posts/2024-01-02-feed.md": file("title: Feed\ndate: 2024-01-02\npermalink: /feed/", "A post about feeding birds."),
  "posts/2024-01-03-news.md": file("title: Volcano news\ndate: 2024-01-03\ntags: [News]", "Eyjafjallajökull erupted."),
  "posts/2024-01-04-page-two.md": file("title: Page two\ndate: 2024-01-04\npermalink: /page/2/", "The second page of a story."),
  "posts/2024-01-05-last.md": file("title: Last\ndate: 2024-01-05", "The newest post."),
  "pages/news.md": file("title: News desk\nlayout: page\npermalink: /tag/news/", "Our news desk, as the old site had it."),
  "pages/map.md": file("title: Site map\nlayout: page\npermalink: /sitemap.xml", "A map of the site."),
};
const CONFIG = "title: Own addresses\npaginate: 2\n";

beforeAll(async () => {
  await publish(contentOf(FILES, CONFIG));
});

describe("an author's page at the engine's address", () => {
  it("publishes, with one warning for each address taken, naming where the engine's page went", () => {
    const compiled = compileSite(contentOf(FILES, CONFIG), {}, Date.parse("2026-01-01T00:00:00Z"));
    expect(compiled.problems).toEqual([]);
    expect(compiled.warnings.map(formatProblem).sort()).toEqual([
      "pages/map.md:4: /sitemap.xml is this file's address, as on the old site; the sitemap moves to /index.php/sitemap.xml",
      'pages/news.md:4: /tag/news/ is this file\'s address, as on the old site; the archive "Tag: News" moves to /index.php/tag/news/',
      "posts/2024-01-01-search.md:4: /search/ is this file's address, as on the old site; the blog's search answers at /?s=, where its search form sends",
      "posts/2024-01-02-feed.md:4: /feed/ is this file's address, as on the old site; the site's feed moves to /index.php/feed/",
      "posts/2024-01-04-page-two.md:4: /page/2/ is this file's address, as on the old site; the home page moves to /index.php/page/2/",
    ]);
  });

  it("keeps two of the author's own files at one address a problem", () => {
    const compiled = compileSite(
      contentOf({ ...FILES, "pages/search.md": file("title: Find\nlayout: page\npermalink: /search/", "x") }, CONFIG),
    );
    expect(compiled.build).toBeNull();
    expect(compiled.problems.map(formatProblem)).toEqual([
      "pages/search.md:4: permalink /search/ is also claimed by posts/2024-01-01-search.md",
    ]);
  });

  it("answers /search/ with the post, and still searches at /?s=", async () => {
    const own = await get("/search/");
    expect(own.status).toBe(200);
    expect(await own.text()).toContain("The search post's own words.");
    const search = await (await get("/?s=Eyjafjallaj%C3%B6kull")).text();
    expect(search).toContain('href="/2024/01/news/"');
    // The search form on every list sends to /?s=, never to the author's page.
    expect(await (await get("/")).text()).toMatch(/<form class="search" role="search" method="get" action="\/">/);
  });

  it("answers /feed/ with the post; the feed answers at /index.php/feed/, where pages, old feed addresses and ?feed= lead", async () => {
    expect(await (await get("/feed/")).text()).toContain("A post about feeding birds.");
    const feed = await get("/index.php/feed/");
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain("<rss");
    const home = await (await get("/")).text();
    expect(home).toContain('type="application/rss+xml" title="Own addresses (RSS)" href="/index.php/feed/"');
    expect(home).toContain('Subscribe: <a href="/index.php/feed/">RSS</a>');
    expect(await movedTo("/feed.xml")).toBe("/index.php/feed/");
    expect(await movedTo("/?feed=rss2")).toBe("/index.php/feed/");
    expect((await get("/feed/atom/")).status).toBe(200);
  });

  it("answers an archive's address with the page; the archive answers at /index.php/…, linked from its posts", async () => {
    expect(await (await get("/tag/news/")).text()).toContain("Our news desk, as the old site had it.");
    const archive = await get("/index.php/tag/news/");
    expect(archive.status).toBe(200);
    expect(await archive.text()).toContain("Volcano news");
    expect(await (await get("/2024/01/news/")).text()).toContain('href="/index.php/tag/news/"');
    expect(await movedTo("/?tag=news")).toBe("/index.php/tag/news/");
    expect(await movedTo("/tag/news/page/1/")).toBe("/index.php/tag/news/");
  });

  it("answers /page/2/ with the post; the home page's page 2 answers at /index.php/page/2/, linked from pages 1 and 3", async () => {
    expect(await (await get("/page/2/")).text()).toContain("The second page of a story.");
    const second = await get("/index.php/page/2/");
    expect(second.status).toBe(200);
    expect(await second.text()).toContain("page 2 of 3");
    expect(await (await get("/")).text()).toContain('rel="next" href="/index.php/page/2/"');
    expect(await (await get("/page/3/")).text()).toContain('rel="prev" href="/index.php/page/2/"');
  });

  it("answers /sitemap.xml with the page; robots.txt names the sitemap where it moved", async () => {
    expect(await (await get("/sitemap.xml")).text()).toContain("A map of the site.");
    const sitemap = await get("/index.php/sitemap.xml");
    expect(sitemap.status).toBe(200);
    expect(await sitemap.text()).toContain("<urlset");
    expect(await (await get("/robots.txt")).text()).toContain("Sitemap: http://blog.test/index.php/sitemap.xml");
  });
});
