/**
 * Footnotes in a page the site's own theme draws, against Debian jekyll's build of
 * test/fixtures/theme-kramdown/ (`_expected/footnotes.html`): references (`fnref:x`, then `fnref:x:1`
 * for a note's second), the notes' list with its back links and no-break spaces, notes of several
 * blocks, and a reference to no note left as text. White space between tags is how each engine indents.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { loadContent } from "../../../src/cli/load-content.ts";
import { renderMarkdown } from "../../../src/markdown/marked.ts";
import { drawThemed } from "../helpers/themed-draw.ts";

const FIXTURE = join(import.meta.dirname, "../../fixtures/theme-kramdown");

/** The body after the lede, with the spaces, tabs and newlines between tags removed (a no-break space stays). */
function body(page: string): string {
  const start = page.indexOf("</div>", page.indexOf('<div class="lede">')) + "</div>".length;
  return page
    .slice(start, page.indexOf("</article>"))
    .replace(/>[ \t\n]+</g, "><")
    .trim();
}

it("writes footnotes as Jekyll's kramdown does", async () => {
  const ours = drawThemed(await loadContent(FIXTURE), "/2021/05/05/footnotes.html", "https://kramdown.example");
  const jekyll = readFileSync(join(FIXTURE, "_expected/footnotes.html"), "utf8");
  expect(body(ours)).toBe(body(jekyll));
  expect(ours).toContain('<sup id="fnref:posts:2" role="doc-noteref">');
  expect(ours).toContain('Footnote test.\u00a0<a href="#fnref:posts"');
});

it("numbers the notes of each page from 1", async () => {
  const content = await loadContent(FIXTURE);
  drawThemed(content, "/2021/05/05/footnotes.html", "https://kramdown.example");
  const again = drawThemed(content, "/2021/05/05/footnotes.html", "https://kramdown.example");
  expect(again).toContain('<a href="#fn:posts" class="footnote" rel="footnote">1</a>');
});

it("keeps GitHub's footnote markup for a site the built-in theme draws", () => {
  const html = renderMarkdown("A note[^a].\n\n[^a]: The note.\n");
  expect(html).toContain('<a id="footnote-ref-a" href="#footnote-a" data-footnote-ref');
  expect(html).toContain('<section class="footnotes" data-footnotes>');
  expect(html).not.toContain("doc-endnotes");
});
