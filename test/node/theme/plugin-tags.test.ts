/**
 * The plugin tags themes lean on, against Jekyll's own build of test/fixtures/theme-plugins/
 * (`_expected/`, written by scripts/jekyll-theme-oracle.ts): `{% seo %}` and `{% feed_meta %}` write
 * the page's `<head>` as jekyll-seo-tag and jekyll-feed do, `{% gist %}` jekyll-gist's script tag;
 * they exist only when the site's `plugins:` (or Jekyll 3's `gems:`) names them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../../src/cli/load-content.ts";
import { compileSite } from "../../../src/compile/compile-site.ts";
import type { ContentFiles } from "../../../src/content/content-files.ts";
import { formatWarning } from "../../../src/content/problem.ts";
import { drawThemed } from "../helpers/themed-draw.ts";

const FIXTURE = join(import.meta.dirname, "../../fixtures/theme-plugins");
const NOW = Date.parse("2026-11-25T12:00:00Z");
/** The site's `url:`: Jekyll's build writes it, the Worker writes the address it is asked at. */
const ORIGIN = "https://plugins.example";

/** Our page at `path`, drawn as the Worker draws it when asked at ORIGIN. */
function draw(content: ContentFiles, path: string): string {
  return drawThemed(content, path, ORIGIN);
}

/** What Jekyll wrote, with what this engine says otherwise on purpose: its name as the generator, its paginator's addresses. */
function expected(name: string): string {
  return readFileSync(join(FIXTURE, "_expected", name), "utf8")
    .replace('content="Jekyll v4.3.1"', 'content="edgepress"')
    .replace(/\/page(\d+)"/g, '/page/$1/"');
}

const head = (html: string) => /<head>[\s\S]*<\/head>/.exec(html)?.[0] ?? "";
const gists = (html: string) => html.match(/<script src="https:\/\/gist\.github\.com\/[^"]*"> <\/script>/g) ?? [];

describe("jekyll-seo-tag, jekyll-feed and jekyll-gist as Jekyll builds them", () => {
  const pages: Array<[string, string]> = [
    ["/", "home.html"],
    ["/about/", "about.html"],
    ["/2021/03/10/with-image.html", "with-image.html"],
    ["/2021/02/10/excerpt-only.html", "excerpt-only.html"],
  ];
  it.each(pages)("writes the head of %s as Jekyll does", async (path, name) => {
    const ours = draw(await loadContent(FIXTURE), path);
    expect(head(ours)).toBe(head(expected(name)));
  });

  it("writes a gist's script tag, in a layout and in a post", async () => {
    const ours = draw(await loadContent(FIXTURE), "/2021/03/10/with-image.html");
    expect(gists(ours)).toEqual(gists(expected("with-image.html")));
    expect(gists(ours)).toHaveLength(2);
  });

  it.each(pages.slice(2))(
    "gives %s's layout page.author from the post's front matter only, and its comments: switch, as Jekyll does",
    async (path, name) => {
      const byline = (html: string) => /<p class="byline">.*<\/p>/.exec(html)?.[0];
      expect(byline(draw(await loadContent(FIXTURE), path))).toBe(byline(expected(name)));
    },
  );

  it.each(pages)("gives %s's layouts jekyll.environment as Jekyll's production build does", async (path, name) => {
    const footer = (html: string) => /<footer>.*<\/footer>/.exec(html)?.[0];
    expect(footer(draw(await loadContent(FIXTURE), path))).toBe(footer(expected(name)));
  });

  it.each(pages)(
    "gives %s's outer layouts the inner layouts' front matter as layout.*, and page.collection, as Jekyll does",
    async (path, name) => {
      const chain = (html: string) => /<nav class="chain">.*<\/nav>/.exec(html)?.[0];
      expect(chain(draw(await loadContent(FIXTURE), path))).toBe(chain(expected(name)));
    },
  );

  it("keeps the heading levels the post was written with, as kramdown does", async () => {
    const heading = (html: string) => /<h\d id="a-top-heading">/.exec(html)?.[0];
    const path = "/2021/02/10/excerpt-only.html";
    expect(heading(draw(await loadContent(FIXTURE), path))).toBe(heading(expected("excerpt-only.html")));
  });

  it("reads the plugin list from Jekyll 3's gems: too", async () => {
    const content = await loadContent(FIXTURE);
    if (content.config === null) throw new Error("no config");
    content.config.text = content.config.text.replace(/^plugins:/m, "gems:");
    expect(head(draw(content, "/about/"))).toBe(head(expected("about.html")));
  });

  it.each(["plugins", "gems"])(
    "draws jekyll-include-cache's include_cached as Jekyll draws include, the plugin named in %s:",
    async (key) => {
      const content = await loadContent(FIXTURE);
      if (content.config === null) throw new Error("no config");
      content.config.text = content.config.text.replace(/^plugins: \[(.*)\]$/m, `${key}: [$1, jekyll-include-cache]`);
      const layout = content.layouts?.find((l) => l.path === "post.html");
      if (layout === undefined) throw new Error("no post layout");
      // The post layout's byline, drawn by an include instead: Jekyll's expected page is the oracle.
      layout.text = layout.text.replace(/<p class="byline">.*<\/p>/, "{% include_cached byline.html author=page.author %}");
      content.includes = [
        ...(content.includes ?? []),
        {
          path: "byline.html",
          text: '<p class="byline">{% if include.author %}by {{ include.author }}{% endif %}{% if page.comments %} · comments{% endif %}</p>',
        },
      ];
      const path = "/2021/02/10/excerpt-only.html";
      const byline = (html: string) => /<p class="byline">.*<\/p>/.exec(html)?.[0];
      expect(byline(draw(content, path))).toBe(byline(expected("excerpt-only.html")));
      expect(byline(draw(content, path))).toMatch(/^<p class="byline">by \S/);
      expect(compileSite(content, {}, NOW).warnings.map(formatWarning)).not.toContainEqual(expect.stringMatching(/include_cached/));
    },
  );

  it("leaves the tags of a plugin the site does not name as written, with a warning", async () => {
    const content = await loadContent(FIXTURE);
    if (content.config === null) throw new Error("no config");
    content.config.text = content.config.text.replace(/^plugins:.*$/m, "plugins: [jekyll-paginate]");
    expect(draw(content, "/about/")).toContain("{% seo %}\n{% feed_meta %}");
    const warnings = compileSite(content, {}, NOW).warnings.map(formatWarning);
    expect(warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^_layouts\/default\.html:5: warning: unknown tag seo/)]));
  });
});
