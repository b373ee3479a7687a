/**
 * Quotes, dashes and ellipses in a page the site's own theme draws, as Jekyll's kramdown writes
 * them, against Debian jekyll's build of test/fixtures/theme-kramdown/ (`_expected/typography.html`):
 * the text of the body (and of `markdownify` in the layout) is Jekyll's, character for character;
 * code, raw HTML and addresses keep their straight quotes and double hyphens.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { loadContent } from "../../../src/cli/load-content.ts";
import { renderMarkdown } from "../../../src/markdown/marked.ts";
import { drawThemed } from "../helpers/themed-draw.ts";

const FIXTURE = join(import.meta.dirname, "../../fixtures/theme-kramdown");

/** The text of the page from its lede to the end of its article, tags left out, white space as one space. */
function text(page: string): string {
  const body = page.slice(page.indexOf('<div class="lede">'), page.indexOf("</article>"));
  return body
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

it("writes quotes, dashes and ellipses as Jekyll's kramdown does", async () => {
  const ours = drawThemed(await loadContent(FIXTURE), "/2021/05/03/typography.html", "https://kramdown.example");
  const jekyll = readFileSync(join(FIXTURE, "_expected/typography.html"), "utf8");
  expect(text(ours)).toBe(text(jekyll));
  expect(text(ours)).toContain('"code"');
  expect(text(ours)).toContain(`"raw" html's`);
});

it("leaves a site the built-in theme draws as its author typed it", () => {
  expect(renderMarkdown(`It's "plain" -- here...`)).toBe(`<p>It&#39;s &quot;plain&quot; -- here...</p>\n`);
});
