/**
 * What a layout drawn by the Worker reads that only the publish knows (test/fixtures/theme-kramdown/):
 * `markdownify` of site and page values, `{% post_url %}`, `{% link %}` and `{% include_relative %}`
 * (beside the page, as Jekyll reads it), compared with Debian jekyll's build of the same site.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/routes/router.ts";
import { kramdownFixture, publish } from "./helpers/site.ts";

const app = createApp();
const get = (path: string) => app.request(`https://kramdown.example${path}`, { redirect: "manual" }, env);
const { content, expected } = kramdownFixture();
const part = (html: string, from: string, to: string) => {
  const start = html.indexOf(from);
  return start === -1 ? "" : html.slice(start, html.indexOf(to, start) + to.length);
};

beforeAll(async () => {
  await publish(content);
});

describe("a layout's lookups, drawn by the Worker", () => {
  it("converts markdownify's text as Jekyll does: the site's tagline and the page's summary", async () => {
    const page = await (await get("/2021/05/01/code.html")).text();
    const jekyll = expected["code.html"] ?? "";
    expect(part(page, "<header>", "</header>")).toBe(part(jekyll, "<header>", "</header>"));
    expect(part(page, '<div class="lede">', "</div>")).toBe(part(jekyll, '<div class="lede">', "</div>"));
    expect(part(page, '<div class="lede">', "</div>")).toContain('<code class="language-plaintext highlighter-rouge">inline</code>');
  });

  it("reads include_relative beside the page, and answers post_url and link", async () => {
    const page = await (await get("/2021/05/02/attributes.html")).text();
    const jekyll = expected["attributes.html"] ?? "";
    expect(part(page, "<aside>", "</aside>")).toBe(part(jekyll, "<aside>", "</aside>"));
    expect(part(page, "<footer>", "</footer>")).toBe(part(jekyll, "<footer>", "</footer>"));
    // Jekyll's address for the page is /about, as `{% link %}` says; this engine serves it at
    // /about.html, and the link leads there.
    expect(page).toContain('<a href="/about">about</a>');
    const linked = await get("/about");
    expect([linked.status, linked.headers.get("location")]).toEqual([301, "/about.html"]);
  });
});
