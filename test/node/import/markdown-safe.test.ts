/** HTML written into a Markdown body must come out of the renderer as the same HTML. */
import { parseFragment, serialize } from "parse5";
import { describe, expect, it } from "vitest";
import { markdownSafeHtml } from "../../../src/import/markdown-safe.ts";
import { renderMarkdown } from "../../../src/markdown/marked.ts";

/** The DOM a browser builds, with runs of whitespace (one space to a reader) and the renderer's lazy-loading left out. */
function dom(html: string): string {
  return serialize(parseFragment(html.replace(/ loading="lazy"/g, "")))
    .replace(/\s+/g, " ")
    .replace(/> </g, "><")
    .trim();
}

/** The text of every `<pre>`, exactly (whitespace there is what the reader sees). */
function preTexts(html: string): string[] {
  return [...serialize(parseFragment(html)).matchAll(/<pre>([\s\S]*?)<\/pre>/g)].map((m) => m[1] ?? "");
}

const CASES: Record<string, string> = {
  "paragraphs with Markdown characters": "<p>Use *stars* and _underscores_ as they are.</p>\n\n<p>1. not a list\n# not a heading</p>",
  "indented lines after a blank line": '<div class="box">\n\n    <p>Indented by an editor</p>\n\n    <p>Twice</p>\n</div>',
  "a pre block with blank lines": "<p>Code:</p>\n<pre>line one\n\n    indented after a blank\n\nend</pre>\n<p>After</p>",
  "a pre inside a list item": "<ul>\n<li>Step\n<pre>a\n\nb</pre>\n</li>\n</ul>",
  "text straight after a pre": "<pre>x</pre>\nplain *text* after\nand more",
  "inline markup starting a line": '<p>x</p>\n\n<a href="/y/">a link</a> and <em>emphasis</em>\n\n<p>z</p>',
};

describe("markdownSafeHtml", () => {
  for (const [name, html] of Object.entries(CASES)) {
    it(name, () => {
      expect(dom(renderMarkdown(markdownSafeHtml(html)))).toBe(dom(html));
    });
  }

  it("keeps the exact text of pre blocks, blank lines included", () => {
    for (const html of [CASES["a pre block with blank lines"] ?? "", CASES["a pre inside a list item"] ?? ""]) {
      expect(preTexts(renderMarkdown(markdownSafeHtml(html)))).toEqual(preTexts(html));
    }
  });

  it("wraps text that comes first, so it is not read as Markdown", () => {
    const html = renderMarkdown(markdownSafeHtml("Plain text first, with *stars*\n\n<p>then a paragraph</p>"));
    expect(dom(html)).toBe("<div>Plain text first, with *stars* </div><p>then a paragraph</p>");
  });

  it("drops blank lines inside comments, which would otherwise end the HTML", () => {
    expect(dom(renderMarkdown(markdownSafeHtml("<p>A</p>\n<!-- an\n\neditor note -->\n<p>B</p>")))).toBe(
      "<p>A</p><!-- an editor note --><p>B</p>",
    );
  });

  it("keeps <!--more--> inside the HTML, where the renderer marks the teaser's end", () => {
    const html = renderMarkdown(markdownSafeHtml("<p>Teaser</p>\n\n<!--more-->\n\n<p>The *rest*</p>"));
    expect(html).toContain('<span id="more"></span>');
    expect(html).toContain("The *rest*");
  });

  it("keeps a blank line between blocks, so the file stays readable", () => {
    expect(markdownSafeHtml("<p>One</p>\n\n<p>Two</p>")).toBe("<p>One</p>\n\n<p>Two</p>\n");
  });
});
