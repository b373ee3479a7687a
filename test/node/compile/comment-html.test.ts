/** A comment keeps the HTML WordPress allows in comments ($allowedtags), as WordPress showed it; everything else is text. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commentHtml } from "../../../src/compile/comment-html.ts";

const MARKUP = readFileSync(join(import.meta.dirname, "../../fixtures/comments/markup.html"), "utf8");

describe("commentHtml", () => {
  const out = commentHtml(MARKUP);

  it("keeps WordPress's allowed comment tags with their allowed attributes", () => {
    expect(out).toContain("<strong>tide table</strong>, <em>really</em> useful.");
    // HTML5 has no acronym or strike: they are written as abbr and s, which look and mean the same.
    expect(out).toContain('<abbr title="Royal Yacht Association">RYA</abbr> and <abbr title="Harbour master">HM</abbr>');
    expect(out).toContain('<code>depth &lt; 2m</code> and <del datetime="2021-03-15">Tuesday</del> <s>Weds</s> <s>Thu</s>');
    expect(out).toContain(
      '<blockquote cite="https://tides.example/spring"><p>Spring tides come twice a month.</p><p>They are <b>highest</b> at new and full moon.</p></blockquote>',
    );
    expect(out).toContain("<q>Quote</q> by <cite>the almanac</cite>");
  });

  it("marks links as the commenter's (nofollow ugc), keeps href and title only, and links bare addresses", () => {
    expect(out).toContain('<a href="https://tides.example/chart" title="Chart" rel="nofollow ugc">the chart</a>');
    expect(out).toContain('or <a href="https://tides.example/more" rel="nofollow ugc">https://tides.example/more</a>.');
  });

  it("never passes scripts, event attributes, styles or addresses of other schemes", () => {
    for (const bad of [
      "<script",
      "alert(",
      "onclick",
      "onerror",
      "onmouseover",
      "style=",
      "javascript:",
      "data:",
      "dofollow",
      "class=",
      "<img",
      "<h1",
      "<span",
    ]) {
      expect(out, bad).not.toContain(bad);
    }
    expect(out).toContain("<a>bad link</a> <a>worse</a> <a>data</a>");
  });

  it("keeps the text of other tags as text, in paragraphs and line breaks as wpautop makes them", () => {
    expect(out).toMatch(/^<p>Thanks for the /);
    expect(out).toContain("agree.<br>Second line of the first paragraph");
    expect(out).toContain("<p>A heading</p>");
    expect(out).toContain("plain <i>span</i>");
    expect(out).toContain("<p>In a div</p>");
    expect(commentHtml("a <b>&lt;script&gt;</b> & b")).toBe("<p>a <b>&lt;script&gt;</b> &amp; b</p>");
  });
});
