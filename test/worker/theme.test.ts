/**
 * A Jekyll site drawn with its own theme (test/fixtures/theme/): layout chains, includes with
 * parameters, `site`, `page`, `layout` and `paginator` as Jekyll gives them, the engine's own pages
 * inside the theme's `default` layout, and a Content-Security-Policy that lets the theme's scripts run.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/routes/router.ts";
import { publish, themeFixture } from "./helpers/site.ts";

const app = createApp();
const get = (path: string) => app.request(`http://blog.test${path}`, { redirect: "manual" }, env);

beforeAll(async () => {
  await publish(themeFixture());
});

describe("a site's own theme", () => {
  it("draws a post in its layout chain, post inside default, with page, layout and site values", async () => {
    const res = await get("/2021/02/10/post-2.html");
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(page).toContain("<title>Post number 2 - Themed Fixture</title>");
    expect(page).toContain('<body class="theme-teal">');
    expect(page).toContain('<article class="post-card" data-layout="article">');
    expect(page).toContain('<p class="post-date">10 Feb 2021</p>');
    expect(page).toContain("<p>The body of post 2 has several words in it for a summary.</p>");
    // Jekyll's previous is the older post, next the newer one.
    expect(page).toContain('<a class="prev" href="/2021/01/10/post-1.html">Post number 1</a>');
    expect(page).toContain('<a class="next" href="/2021/03/10/post-3.html">Post number 3</a>');
    // An include with a parameter, and site.url as the address the page is served from.
    expect(page).toContain(
      '<nav class="site-nav"><a href="/">Home</a><a href="/about/">About</a><span class="author">A. Writer</span></nav>',
    );
    expect(page).toContain('<link rel="stylesheet" href="http://blog.test/static/site.css">');
    expect(page).not.toContain("{{");
    // The logo `_config.yml` gives on the blog's old host is served from this address.
    expect(page).toContain('<img class="logo" src="/static/logo.png" alt="">');
  });

  it("draws the post list through the site's home page template, with the paginator", async () => {
    const page = await (await get("/")).text();
    expect(page).toContain("<title>Blog - Themed Fixture</title>");
    expect(page).toContain(
      '<a href="/2021/04/10/no-theme-layout.html">Layout the theme lacks</a> <span class="summary">Drawn by the built-in...</span>',
    );
    expect(page).toContain('<a href="/2021/03/10/post-3.html">Post number 3</a>');
    expect(page).toContain('Page 1 of 2 <a class="older" href="/page/2/">Older</a>');
    const second = await (await get("/page/2/")).text();
    expect(second).toContain('<a href="/2021/01/10/post-1.html">Post number 1</a>');
    expect(second).toContain("Page 2 of 2</p>");
  });

  it("draws a page a theme layout fills, with site.categories", async () => {
    const res = await get("/category/news.html");
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<h1 class="by-category">Filed under news</h1>');
    expect(page).toContain(
      '<li><a href="/2021/03/10/post-3.html">Post number 3</a></li><li><a href="/2021/02/10/post-2.html">Post number 2</a></li>',
    );
  });

  it("gives a layout the post's body as Jekyll does: headings keep their ids, without the built-in theme's # links", async () => {
    const page = await (await get("/2021/03/10/post-3.html")).text();
    expect(page).toContain('<h2 id="a-section">A section</h2>');
    expect(page).not.toContain('class="anchor"');
  });

  it("gives a page the date its front matter has, and an undated list none", async () => {
    expect(await (await get("/about/")).text()).toContain('<p class="page-date">2020</p>');
    expect(await (await get("/tag/t1/")).text()).not.toContain("page-date");
  });

  it("frames the engine's own pages in the theme's default layout, and leaves a layout the theme lacks to the built-in theme", async () => {
    const archive = await (await get("/tag/t1/")).text();
    expect(archive).toContain('<body class="theme-teal">');
    expect(archive).toContain('<main class="frame"><h1>Tag: t1</h1>');
    const plain = await (await get("/2021/04/10/no-theme-layout.html")).text();
    expect(plain).not.toContain("theme-teal");
    expect(plain).toContain("Drawn by the built-in theme.");
  });

  it("lets the theme's own scripts run and load, and nothing else", async () => {
    const res = await get("/2021/01/10/post-1.html");
    const policy = res.headers.get("Content-Security-Policy") ?? "";
    const scriptSrc = /script-src ([^;]+)/.exec(policy)?.[1] ?? "";
    const inline = 'var pageTitle = "Post number 1";';
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(inline));
    const hash = btoa(String.fromCharCode(...new Uint8Array(digest)));
    expect(scriptSrc).toContain(`'sha256-${hash}'`);
    // A protocol-relative script loads over the page's own scheme: its bare host allows either.
    expect(scriptSrc.split(" ")).toContain("cdn.example.org");
    // What the theme's inline snippets load: an address they write, and a host they put together.
    expect(scriptSrc.split(" ")).toEqual(expect.arrayContaining(["stats.example.com", "widgets.example.net", "*.comments.example"]));
    expect(policy).toMatch(/frame-src [^;]*\*\.comments\.example/);
    // Only a page that loads the site's script that runs eval allows it.
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    const packed = await get("/2021/03/10/post-3.html");
    expect(/script-src ([^;]+)/.exec(packed.headers.get("Content-Security-Policy") ?? "")?.[1]).toContain("'unsafe-eval'");
    expect(policy).toMatch(/style-src [^;]*https:\/\/fonts\.example\.net/);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
  });
});
