import { beforeAll, describe, expect, it } from "vitest";
import { siteRequests } from "./helpers/requests.ts";
import { contentOf, publish } from "./helpers/site.ts";

const { get } = siteRequests();

const POST = `---
id: 101
title: Spring tides
date: 2021-03-14T19:30:00+00:00
author: Mira Kovač
permalink: /2021/03/14/spring-tides/
categories: [Sailing boats]
tags: [tides]
format: gallery
image: /wp-content/uploads/buoy.jpg
comments:
  - id: 501
    author: Tomas <b>the</b> pilot
    url: https://pilots.example/
    date: 2021-03-15T09:00:00+00:00
    content: |-
      Lovely <script>alert(1)</script> photos.

      See you at the slip.
  - id: 502
    parent: 501
    author: Mira
    date: 2021-03-15T10:00:00+00:00
    content: Thank <em>you</em>, read <a href="https://tides.example/" onclick="alert(2)">the tables</a>. <a href="javascript:alert(3)">More</a>
  - id: 504
    author: Quay Diary
    url: https://quay.example/moorings/
    type: pingback
    content: "[...] moorings [...]"
---
<p>Photos:</p>
[gallery ids="201,202,203"]
<p>Attached:</p>
[gallery columns="2" link="none"]
`;

beforeAll(async () => {
  await publish(
    contentOf(
      {
        "posts/2021-03-14-spring-tides.md": POST,
        "posts/2019-01-01-rules.md":
          "---\ntitle: Harbour rules\ndate: 2019-01-01\ncategories: [Boats]\nsticky: true\n---\n<p>Keep clear.</p>\n",
        "posts/2020-06-01-other.md": '---\ntitle: Middle post\ndate: 2020-06-01\ntags: [tides]\n---\n[gallery ids="999"]\n',
        "posts/2013-01-05-markup.md":
          '---\ntitle: "Markup: Title With Markup"\ntitle_html: "Markup: Title <em>With</em> <b>Mark<sup>up</sup></b><script>alert(5)</script> <a href=\\"/x\\" onclick=\\"alert(6)\\">linked</a>"\ndate: 2013-01-05\npermalink: /2013/01/05/markup-title-with-markup/\n---\nMarkup in a title.\n',
        "about.md": "---\ntitle: About\npermalink: /about/\nlayout: page\n---\nWe keep a harbour.\n",
        "_data/categories.yml":
          "- {id: 10, name: Boats, slug: boats, description: Everything that floats.}\n- {id: 11, name: Sailing boats, slug: sailing-boats, parent: boats}\n",
        "_data/tags.yml": "- {id: 20, name: tides, slug: tides-2}\n",
        "_data/authors.yml": "mira.k: {name: Mira Kovač, slug: mira-k, id: 3}\n",
        "_data/attachments.yml":
          '"201": {file: /wp-content/uploads/buoy.jpg, alt: A red buoy, caption: Red <em>buoy</em>, parent: 101, page: /2021/03/14/spring-tides/buoy/}\n"202": {file: /wp-content/uploads/slip.jpg, parent: 101, order: 1}\n"203": {file: https://old.example/wp-content/uploads/gone.jpg}\n',
        "_data/navigation.yml":
          "main:\n  - title: About\n    url: /about/\n    children:\n      - {title: Boats, url: /category/boats/}\n  - {title: Elsewhere, url: 'https://elsewhere.example/'}\n  - {title: Bad, url: 'javascript:alert(1)'}\n",
      },
      "title: Harbour\n",
      { "wp-content/uploads/buoy.jpg": "JPEG1", "wp-content/uploads/slip.jpg": "JPEG2" },
    ),
  );
});

describe("a site imported from WordPress", () => {
  it("puts sticky posts first on the home page, with comment counts and format labels", async () => {
    const home = await (await get("/")).text();
    expect(home.indexOf("Harbour rules")).toBeLessThan(home.indexOf("Spring tides"));
    expect(home.indexOf("Spring tides")).toBeLessThan(home.indexOf("Middle post"));
    expect(home).toContain('<a href="/2021/03/14/spring-tides/#comments">2 comments</a>');
    expect(home).toContain('<span class="post-format">Gallery</span>');
  });

  it("keeps archives in date order: sticky is for the home page only", async () => {
    const boats = await (await get("/category/boats/")).text();
    expect(boats.indexOf("Spring tides")).toBeLessThan(boats.indexOf("Harbour rules"));
  });

  it("lists a child category's posts in its parent's archive, with the description, at WordPress's addresses", async () => {
    const parent = await get("/category/boats/");
    const text = await parent.text();
    expect(parent.status).toBe(200);
    expect(text).toContain("Spring tides");
    expect(text).toContain('<p class="archive-description">Everything that floats.</p>');
    expect((await get("/category/boats/sailing-boats/")).status).toBe(200);
    const flat = await get("/category/sailing-boats/");
    expect(flat.status).toBe(301);
    expect(flat.headers.get("Location")).toBe("/category/boats/sailing-boats/");
    expect((await get("/tag/tides-2/")).status).toBe(200);
    expect((await get("/author/mira-k/")).status).toBe(200);
    const post = await (await get("/2021/03/14/spring-tides/")).text();
    expect(post).toContain('href="/category/boats/sailing-boats/">Sailing boats</a>');
    expect(post).toContain('href="/author/mira-k/">Mira Kovač</a>');
  });

  it("shows the menu as the navigation, with submenus, never linking javascript:", async () => {
    const page = await (await get("/about/")).text();
    expect(page).toContain(
      '<nav class="site-nav" aria-label="Site"><ul><li><a href="/about/" aria-current="page">About</a><ul><li><a href="/category/boats/">Boats</a></li></ul></li><li><a href="https://elsewhere.example/">Elsewhere</a></li><li><span>Bad</span></li></ul></nav>',
    );
  });

  it("turns [gallery] into the attachments the site serves, by id or attached to the post", async () => {
    const post = await (await get("/2021/03/14/spring-tides/")).text();
    expect(post).toContain(
      '<div class="gallery galleryid-101 gallery-columns-3 gallery-size-thumbnail"><figure class="gallery-item"><div class="gallery-icon"><a href="/wp-content/uploads/buoy.jpg"><img src="/wp-content/uploads/buoy.jpg" alt="A red buoy" loading="lazy"></a></div><figcaption class="wp-caption-text gallery-caption">Red buoy</figcaption></figure><figure class="gallery-item"><div class="gallery-icon"><a href="/wp-content/uploads/slip.jpg"><img src="/wp-content/uploads/slip.jpg" alt="" loading="lazy"></a></div></figure></div>',
    );
    expect(post).toContain(
      '<div class="gallery galleryid-101 gallery-columns-2 gallery-size-thumbnail"><figure class="gallery-item"><div class="gallery-icon"><img src="/wp-content/uploads/buoy.jpg"',
    );
    expect(post).not.toContain("gone.jpg");
    const other = await (await get("/2020/06/other/")).text();
    expect(other).toContain("A gallery of 1 image from the original post is not available here.");
  });

  it("shows the featured image and the format label on the post", async () => {
    const post = await (await get("/2021/03/14/spring-tides/")).text();
    expect(post).toContain('<figure class="featured-image"><img src="/wp-content/uploads/buoy.jpg" alt="A red buoy"></figure>');
    expect(post).toContain('<span class="post-format">Gallery</span>');
  });

  it("shows approved comments threaded, with the HTML WordPress allows in comments, and pingbacks apart", async () => {
    const post = await (await get("/2021/03/14/spring-tides/")).text();
    expect(post).toContain('<h2 id="comments-title">2 comments</h2>');
    expect(post).toContain(
      '<b class="comment-author"><a href="https://pilots.example/" rel="external nofollow ugc">Tomas &lt;b&gt;the&lt;/b&gt; pilot</a></b>',
    );
    expect(post).toContain('<div class="comment-content"><p>Lovely  photos.</p><p>See you at the slip.</p></div>');
    expect(post).toContain(
      '<div class="comment-content"><p>Thank <em>you</em>, read <a href="https://tides.example/" rel="nofollow ugc">the tables</a>. <a>More</a></p></div>',
    );
    for (const bad of ["<script>alert(1)", "alert(2)", "javascript:alert(3)"]) expect(post).not.toContain(bad);
    expect(post).toMatch(/<li id="comment-501" class="comment">[\s\S]*?<ol class="children"><li id="comment-502" class="comment">/);
    expect(post).toContain('<h2 id="pings-title">Pingbacks and trackbacks</h2>');
    expect(post).toContain('<li class="pingback"><a href="https://quay.example/moorings/" rel="external nofollow ugc">Quay Diary</a></li>');
  });

  it("shows a title's markup in its headings, and plain text in <title>, link previews, feeds and search", async () => {
    const shown = "Markup: Title <em>With</em> <b>Mark<sup>up</sup></b> linked";
    const post = await (await get("/2013/01/05/markup-title-with-markup/")).text();
    expect(post).toContain(`<h1>${shown}</h1>`);
    expect(post).toContain("<title>Markup: Title With Markup");
    expect(post).toContain('<meta property="og:title" content="Markup: Title With Markup">');
    expect(post).toContain('"headline":"Markup: Title With Markup"');
    for (const bad of ["alert(5)", "alert(6)", 'href="/x"']) expect(post).not.toContain(bad);
    const home = await (await get("/")).text();
    expect(home).toContain(`<h2 class="entry-title"><a href="/2013/01/05/markup-title-with-markup/">${shown}</a></h2>`);
    const feed = await (await get("/feed/")).text();
    expect(feed).toContain("<title>Markup: Title With Markup</title>");
  });

  it("sends an attachment's old page to its file", async () => {
    const page = await get("/2021/03/14/spring-tides/buoy/");
    expect(page.status).toBe(301);
    // The file itself is one of the Worker's static assets, served before the Worker runs (see media-assets.test.ts).
    expect(page.headers.get("Location")).toBe("/wp-content/uploads/buoy.jpg");
  });
});
