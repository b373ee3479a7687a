/**
 * A Jekyll site moved in whole (test/fixtures/jekyll/templates): its posts at Jekyll's addresses and
 * their other spellings, its old feeds where subscribers poll them with the ids they know, the feed
 * addresses of other engines, its paginator, its Liquid templates' addresses and its own 404 page.
 */
import { env } from "cloudflare:workers";
import { XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { FEED_ALIASES } from "../../src/compile/old-addresses.ts";
import { createApp } from "../../src/routes/router.ts";
import { jekyllFixture, publish } from "./helpers/site.ts";

// One app per namespace: an app keeps the release it read.
const apps = new Map<KVNamespace, ReturnType<typeof createApp>>();
const get = (path: string, kv: KVNamespace = env.BLOG) => {
  const app = apps.get(kv) ?? apps.set(kv, createApp()).get(kv);
  return app?.request(`http://blog.test${path}`, { redirect: "manual" }, { ...env, BLOG: kv }) ?? Promise.reject(new Error("no app"));
};
/** Follows at most one redirect; returns the final answer and how many hops it took. */
async function follow(path: string, kv?: KVNamespace): Promise<{ res: Response; hops: number; at: string }> {
  const first = await get(path, kv);
  if (first.status !== 301) return { res: first, hops: 0, at: path };
  const location = first.headers.get("Location") ?? "";
  return { res: await get(location, kv), hops: 1, at: location };
}
const ids = (xml: string, element: "guid" | "id"): string[] =>
  [...xml.matchAll(new RegExp(`<(?:item|entry)>[\\s\\S]*?<${element}[^>]*>([^<]+)</${element}>`, "g"))].map((m) => m[1] ?? "");

beforeAll(async () => {
  await publish(jekyllFixture("templates", "paginate"));
  await publish(jekyllFixture("templates", "jekyll-feed"), { kv: env.RESTORED });
});

describe("posts of a Jekyll site", () => {
  it("answer at Jekyll's address, and every other spelling of it moves there in one step", async () => {
    expect((await get("/2020/01/01/first.html")).status).toBe(200);
    for (const old of ["/2020/01/01/first", "/2020/01/01/first/", "/2020/01/01/first.html/"]) {
      const res = await get(old);
      expect(res.status, old).toBe(301);
      expect(res.headers.get("Location"), old).toBe("/2020/01/01/first.html");
    }
    // Jekyll's URL had no extension; it was served from archives/2.html, so relative links resolve as before.
    const moved = await follow("/archives/2");
    expect([moved.at, moved.res.status]).toEqual(["/archives/2.html", 200]);
  });

  it("keep the Liquid real posts carry working: post_url, site.baseurl, highlight, raw", async () => {
    const page = await (await get("/2020/03/01/third.html")).text();
    expect(page).toContain('<a href="/2020/01/01/first.html">the first post</a>');
    expect(page).toContain('src="/assets/dot.png"');
    // `{% highlight ruby %}` is a highlighted Ruby block in Rouge's markup; Liquid inside it runs, as in
    // Jekyll, which writes `puts ""` for `puts "{{ not Liquid here }}"`.
    expect(page).toContain(
      '<figure class="highlight"><pre><code class="language-ruby" data-lang="ruby">puts <span class="hljs-string">&quot;&quot;</span></code></pre></figure>',
    );
    expect(page).toContain("{{ shown as written }}");
    expect(page).not.toContain("{%");
  });

  it("publish pages with the site values they name, never a template's raw Liquid", async () => {
    expect(await (await get("/about.html")).text()).toContain("This is Templates fixture.");
    const tags = await get("/tags.html");
    expect(tags.status).toBe(404);
    expect(await tags.text()).not.toContain("{%");
  });
});

describe("feed subscribers keep their feed", () => {
  it("serves the site's old RSS template address as RSS, each item with the guid it had", async () => {
    const res = await get("/feed.xml");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/rss+xml; charset=utf-8");
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    // The template wrote {{ post.url | prepend: site.url }}: Jekyll's URLs, the extensionless one too.
    expect(ids(xml, "guid")).toEqual([
      "https://blog.example/2020/03/01/third.html",
      "https://blog.example/archives/2",
      "https://blog.example/2020/01/01/first.html",
    ]);
    expect(xml).toContain("<link>https://blog.example/archives/2.html</link>");
  });

  it("serves an Atom template's address as Atom, with Jekyll's post.id as each entry's id", async () => {
    const res = await get("/atom.xml");
    expect(res.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    expect(ids(await res.text(), "id")).toEqual([
      "https://blog.example/2020/03/01/third",
      // Jekyll's id is the URL's folder and the post's slug.
      "https://blog.example/archives/second",
      "https://blog.example/2020/01/01/first",
    ]);
  });

  it("keeps jekyll-feed's Atom feed where feed: path: put it", async () => {
    const res = await get("/atom-feed.xml", env.RESTORED);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    // jekyll-feed wrote `post.id | absolute_url`: with the site's baseurl (/blog in this variant).
    expect(ids(await res.text(), "id")[0]).toBe("https://blog.example/blog/2020/03/01/third");
    // The feed.xml template prepended only site.url, so its guids have no baseurl.
    expect(ids(await (await get("/feed.xml", env.RESTORED)).text(), "guid")[0]).toBe("https://blog.example/2020/03/01/third.html");
  });

  it("answers every feed address readers and other engines use with a feed, directly or by one 301", async () => {
    const addresses = [...FEED_ALIASES.map(([from]) => from), "/feed", "/feed/", "/feed/atom/", "/?feed=rss2", "/?feed=rss", "/?feed=atom"];
    for (const kv of [env.BLOG, env.RESTORED]) {
      for (const path of addresses) {
        const { res, hops } = await follow(path, kv);
        expect(res.status, path).toBe(200);
        expect(hops, path).toBeLessThanOrEqual(1);
        expect(res.headers.get("Content-Type"), path).toMatch(/^application\/(rss|atom)\+xml/);
      }
    }
    expect((await follow("/?feed=atom")).at).toBe("/feed/atom/");
  });

  it("answers /comments/feed/ with a valid feed without items", async () => {
    const res = await get("/comments/feed/");
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain("<channel>");
    expect(xml).not.toContain("<item>");
  });
});

describe("the rest of a Jekyll site's addresses", () => {
  it("moves jekyll-paginate's pages to our pager", async () => {
    for (const [old, ours] of [
      ["/page2/", "/page/2/"],
      ["/page3", "/page/3/"],
    ] as const) {
      const { res, at } = await follow(old);
      expect([at, res.status], old).toEqual([ours, 200]);
    }
  });

  it("answers a template's address with our equivalent", async () => {
    expect((await follow("/blog/archive.html")).at).toBe("/");
    // A tag plugin's empty page for one tag moves to that tag's archive; a theme's search page is our search.
    const tag = await follow("/tag/jekyll.html");
    expect([tag.at, tag.hops, tag.res.status]).toEqual(["/tag/jekyll/", 1, 200]);
    // A category page for a category no post is filed under yet: its archive answers, empty, as the old page did.
    const empty = await follow("/category/empty.html");
    expect([empty.at, empty.hops, empty.res.status]).toEqual(["/category/empty/", 1, 200]);
    expect(await empty.res.text()).toContain("Nothing has been published here yet.");
    expect((await get("/search/")).status).toBe(200);
    expect((await get("/sitemap.xml")).headers.get("Content-Type")).toBe("application/xml; charset=utf-8");
  });

  it("uses the site's plain 404.html as the body of the 404 page", async () => {
    const res = await get("/no/such/page/");
    expect(res.status).toBe(404);
    const page = await res.text();
    expect(page).toContain("<h1>Lost?</h1>");
    expect(page).toContain("<p>Nothing here.</p>");
    expect((await get("/404.html")).status).toBe(404);
  });
});

describe("entry ids", () => {
  it("never change between publishes, in every feed, so readers show no duplicates", async () => {
    const feeds = ["/feed/", "/feed/atom/", "/feed.json", "/feed.xml", "/atom.xml", "/atom-feed.xml"];
    const idsOf = async () => {
      const out: Record<string, string[]> = {};
      for (const path of feeds) {
        const text = await (await get(path, env.RESTORED)).text();
        out[path] = path.endsWith(".json")
          ? (JSON.parse(text) as { items: Array<{ id: string }> }).items.map((i) => i.id)
          : [...ids(text, "guid"), ...ids(text, "id")];
      }
      return out;
    };
    const before = await idsOf();
    const content = jekyllFixture("templates", "jekyll-feed");
    content.files.push({ path: "_posts/2020-04-01-fourth.md", text: "---\ntitle: Fourth\n---\nNew.\n", inPosts: true });
    await publish(content, { kv: env.RESTORED });
    apps.delete(env.RESTORED);
    const after = await idsOf();
    for (const path of feeds) {
      expect(before[path]?.length, path).toBe(3);
      expect(after[path]?.slice(1), path).toEqual(before[path]);
    }
  });
});
