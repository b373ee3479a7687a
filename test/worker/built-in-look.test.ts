/**
 * `_config.yml` keys change the built-in theme's look without a copy (minima's conventions): a logo
 * beside the title, an accent colour, social links and text in the footer, the header's links. A
 * site drawn by its own theme keeps these keys for its own templates, and its pages are unchanged.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/routes/router.ts";
import { contentOf, publish } from "./helpers/site.ts";

const get = async (path: string) => (await createApp().request(`http://blog.test${path}`, {}, env)).text();

const POST = "---\ntitle: A post\ndate: 2021-05-01\n---\nSome words about tides.\n";
const ABOUT = "---\ntitle: About me\nlayout: page\npermalink: /about/\n---\nWho writes here.\n";
const NOW = "---\ntitle: Now\nlayout: page\npermalink: /now/\n---\nWhat I do now.\n";
const FILES = { "_posts/2021-05-01-a-post.md": POST, "about.md": ABOUT, "now.md": NOW };

describe("_config.yml keys for the built-in theme", () => {
  it("shows the logo beside the title in the header", async () => {
    await publish(contentOf(FILES, "title: Tides\nlogo: /assets/logo.png\n"));
    expect(await get("/")).toContain('<a class="brand" href="/"><img class="logo" src="/assets/logo.png" alt="">Tides</a>');
    await publish(contentOf(FILES, "title: Tides\navatar: img/me.jpg\n"));
    expect(await get("/")).toContain('<img class="logo" src="/img/me.jpg" alt="">Tides');
  });

  it("sets the accent colour, lightened in dark mode", async () => {
    await publish(contentOf(FILES, "title: Tides\naccent: '#b3261e'\n"));
    const page = await get("/2021/05/01/a-post.html");
    expect(page).toContain(
      "<style>:root{--accent:#b3261e}@media (prefers-color-scheme:dark){:root{--accent:color-mix(in srgb,#b3261e 55%,#fff)}}</style>",
    );
  });

  it("ignores an accent that is not a colour", async () => {
    await publish(contentOf(FILES, "title: Tides\naccent: 'red;}body{display:none'\n"));
    const page = await get("/");
    expect(page).not.toContain("body{display:none");
    expect(page).not.toContain("--accent:red");
  });

  it("draws social links and the footer text in the footer, escaped", async () => {
    const config = [
      "title: Tides",
      "social:",
      "  github: tidewriter",
      "  mastodon: https://social.example/@tides",
      "twitter_username: tidetweets",
      "footer: '© 2026 <Tides> & friends'",
    ].join("\n");
    await publish(contentOf(FILES, config));
    const page = await get("/");
    const footer = page.slice(page.indexOf('<footer class="site">'));
    expect(footer).toContain(
      '<p class="social"><a rel="me" href="https://github.com/tidewriter">GitHub</a> · <a rel="me" href="https://social.example/@tides">Mastodon</a> · <a rel="me" href="https://twitter.com/tidetweets">Twitter</a></p>',
    );
    expect(footer).toContain('<p class="site-footer-text">© 2026 &lt;Tides&gt; &amp; friends</p>');
  });

  it("takes the header's links from nav:, else from header_pages", async () => {
    await publish(
      contentOf(FILES, "title: Tides\nnav:\n  - title: Elsewhere\n    url: https://elsewhere.example/\n  - title: Now\n    url: /now/\n"),
    );
    expect(await get("/")).toContain(
      '<nav class="site-nav" aria-label="Site"><ul><li><a href="https://elsewhere.example/">Elsewhere</a></li><li><a href="/now/">Now</a></li></ul></nav>',
    );
    await publish(contentOf(FILES, "title: Tides\nheader_pages:\n  - now.md\n"));
    expect(await get("/")).toContain('<nav class="site-nav" aria-label="Site"><ul><li><a href="/now/">Now</a></li></ul></nav>');
    await publish(contentOf(FILES, "title: Tides\n"));
    expect(await get("/")).toContain('<li><a href="/about/">About me</a></li><li><a href="/now/">Now</a></li>');
  });

  it("leaves a site drawn by its own theme as it was", async () => {
    const layout = "<html><body><h1>{{ site.title }}</h1>{{ content }}<p>{{ site.accent }}</p></body></html>";
    const own = (config: string) => {
      const content = contentOf(
        { ...FILES, "_posts/2021-05-01-a-post.md": POST.replace("---\nSome", "layout: default\n---\nSome") },
        config,
      );
      content.layouts = [{ path: "default.html", text: layout }];
      return content;
    };
    await publish(own("title: Tides\n"));
    const before = await get("/2021/05/01/a-post.html");
    await publish(own("title: Tides\nlogo: /me.png\nsocial:\n  github: tidewriter\nfooter: Hi\n"));
    const after = await get("/2021/05/01/a-post.html");
    expect(after).toBe(before);
    await publish(own("title: Tides\naccent: navy\n"));
    expect(await get("/2021/05/01/a-post.html")).toContain("<p>navy</p>");
  });
});
