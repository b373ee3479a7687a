/**
 * What a layout sees of each document is Jekyll's, against Jekyll's build of
 * test/fixtures/theme-documents/ (`_expected/`, written by scripts/jekyll-theme-oracle.ts):
 * - its URL, not the path this engine serves its file at: a permalink with no trailing slash and no
 *   extension (`/topics/jekyll`, `/:year/:month/:title`) is `page.url` and `{% link %}`'s answer,
 *   though the file is `topics/jekyll.html` (served at both spellings, as GitHub Pages serves it);
 * - its date: a collection's document without one is dated `site.time` (Jekyll's document.rb), so
 *   jekyll-seo-tag calls it an article with that publish time, as it calls a post; a page stays a website.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../../src/cli/load-content.ts";
import { drawThemed } from "../helpers/themed-draw.ts";

const FIXTURE = join(import.meta.dirname, "../../fixtures/theme-documents");
/** The lines the fixture's layout writes the addresses on. */
const addresses = (html: string) => html.match(/<(p|ul) class="(?:url|links|pages|tabs|posts|near)">.*<\/\1>/g) ?? [];
/** jekyll-seo-tag's lines, with this engine's name as the generator (on purpose). */
const seo = (html: string) =>
  (/<!-{2} Begin Jekyll SEO tag[\s\S]*?End Jekyll SEO tag -{2}>/.exec(html)?.[0] ?? "").replace(
    'content="Jekyll v4.3.1"',
    'content="edgepress"',
  );

describe("a document in a themed page, as Jekyll gives it", async () => {
  const content = await loadContent(FIXTURE);
  const cases: Array<[string, string]> = [
    ["/about.html", "about.html"],
    ["/topics/jekyll.html", "topics-jekyll.html"],
    ["/2022/04/first.html", "first.html"],
    ["/tabs/tags.html", "tab.html"],
  ];
  for (const [path, expected] of cases) {
    const jekyll = readFileSync(join(FIXTURE, "_expected", expected), "utf8");
    const ours = drawThemed(content, path, "https://documents.example");

    it(`page.url, link, post_url, site.pages, site.tabs and site.posts on ${path}`, () => {
      expect(addresses(jekyll)).toHaveLength(6);
      expect(addresses(ours)).toEqual(addresses(jekyll));
    });

    it(`{% seo %} on ${path}: canonical address, og:type and publish time`, () => {
      expect(seo(ours)).toBe(seo(jekyll));
    });
  }

  it("calls a collection's undated document an article, and a page a website", () => {
    expect(seo(drawThemed(content, "/tabs/tags.html", "https://documents.example"))).toContain(
      '<meta property="og:type" content="article" />\n<meta property="article:published_time" content="2022-04-02T00:00:00+00:00" />',
    );
    expect(seo(drawThemed(content, "/about.html", "https://documents.example"))).toContain('<meta property="og:type" content="website" />');
  });
});
