import { describe, expect, it } from "vitest";
import type { PostModel } from "../../../src/model/page-models.ts";
import { DEFAULT_SITE } from "../../../src/model/site.ts";
import { jsonForScript } from "../../../src/theme/seo-head.ts";
import { renderNotFoundPage, renderPostPage } from "../helpers/built-in.ts";

const site = { ...DEFAULT_SITE, title: "Edge Notes", description: "A blog", author: "Editors" };
const post: PostModel = {
  kind: "post",
  layout: "post",
  id: "278",
  title: "Breaking </script><!-- news",
  permalink: "/2009/10/news/",
  date: "2009-10-15T13:58:48.000Z",
  updated: null,
  author: "tiago",
  categories: ["Tech"],
  tags: ["phones"],
  description: "What happened & why",
  html: "<p>Body</p>",
  prev: null,
  next: null,
};
const ctx = { site, origin: "https://blog.example", path: post.permalink };

function jsonLd(page: string): Record<string, unknown> {
  const m = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page);
  if (!m?.[1]) throw new Error("no JSON-LD");
  return JSON.parse(m[1]);
}

describe("jsonForScript", () => {
  it("cannot end or alter the script element it sits in, and reads back unchanged", () => {
    const value = { t: "</script><!-- & \u2028" };
    const out = jsonForScript(value);
    expect(out).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(out)).toEqual(value);
  });
});

describe("post page head", () => {
  const page = renderPostPage(ctx, post);

  it("has title, description, canonical link and Open Graph tags", () => {
    expect(page).toContain("<title>Breaking &lt;/script&gt;&lt;!-- news – Edge Notes</title>");
    expect(page).toContain('<meta name="description" content="What happened &amp; why">');
    expect(page).toContain('<link rel="canonical" href="https://blog.example/2009/10/news/">');
    expect(page).toContain('<meta property="og:type" content="article">');
    expect(page).toContain('<meta property="og:url" content="https://blog.example/2009/10/news/">');
    expect(page).toContain('<meta property="article:published_time" content="2009-10-15T13:58:48.000Z">');
  });

  it("describes the post as a BlogPosting in JSON-LD that survives a hostile title", () => {
    const data = jsonLd(page);
    expect(data["@type"]).toBe("BlogPosting");
    expect(data.headline).toBe(post.title);
    expect(data.author).toEqual({ "@type": "Person", name: "tiago" });
    expect(data.datePublished).toBe(post.date);
  });

  it("announces the RSS, Atom and JSON feeds", () => {
    expect(page).toContain('<link rel="alternate" type="application/rss+xml" title="Edge Notes (RSS)" href="/feed/">');
    expect(page).toContain('<link rel="alternate" type="application/atom+xml" title="Edge Notes (Atom)" href="/feed/atom/">');
    expect(page).toContain('<link rel="alternate" type="application/feed+json" title="Edge Notes (JSON Feed)" href="/feed.json">');
  });
});

describe("other pages", () => {
  it("marks a page (layout: page) as a WebPage, not a BlogPosting", () => {
    const page = renderPostPage({ ...ctx, path: "/about/" }, { ...post, layout: "page", title: "About", html: "" });
    expect(jsonLd(page)["@type"]).toBe("WebPage");
    expect(page).toContain('<meta property="og:type" content="website">');
  });

  it("keeps a 404 out of search results, with the site's description", () => {
    const page = renderNotFoundPage({ ...ctx, path: "/404" });
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).toContain('<meta name="description" content="A blog">');
    expect(page).not.toContain("canonical");
  });
});

describe("the post's picture in link previews and search results", () => {
  it("gives og:image and the JSON-LD image as absolute URLs, with the size when the site knows it", () => {
    const page = renderPostPage(ctx, { ...post, image: { src: "/images/cover.png", alt: "A cover", width: 1200, height: 630 } });
    expect(page).toContain('<meta property="og:image" content="https://blog.example/images/cover.png">');
    expect(page).toContain('<meta property="og:image:width" content="1200">');
    expect(page).toContain('<meta property="og:image:height" content="630">');
    expect(page).toContain('<meta property="og:image:alt" content="A cover">');
    expect(page).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(jsonLd(page).image).toEqual({ "@type": "ImageObject", url: "https://blog.example/images/cover.png", width: 1200, height: 630 });
  });

  it("resolves a path relative to the post, keeps another host's address, and shows no image when there is none", () => {
    expect(renderPostPage(ctx, { ...post, image: { src: "pic.jpg", alt: "" } })).toContain(
      '<meta property="og:image" content="https://blog.example/2009/10/news/pic.jpg">',
    );
    const elsewhere = renderPostPage(ctx, { ...post, image: { src: "http://cdn.example/a b.jpg", alt: "" } });
    expect(elsewhere).toContain('<meta property="og:image" content="http://cdn.example/a%20b.jpg">');
    expect(elsewhere).not.toContain("og:image:width");
    const none = renderPostPage(ctx, post);
    expect(none).not.toContain("og:image");
    expect(none).toContain('<meta name="twitter:card" content="summary">');
    expect(jsonLd(none).image).toBeUndefined();
  });
});
