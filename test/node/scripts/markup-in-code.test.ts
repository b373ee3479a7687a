import { describe, expect, it } from "vitest";
import { markupShownAsCode } from "../../../scripts/lib/markup-in-code.ts";
import { renderMarkdown } from "../../../src/markdown/marked.ts";

const check = (source: string) => markupShownAsCode(source, renderMarkdown(source));

describe("markup shown as code", () => {
  it("finds an indented tag that became a code block in a source that asks for no code", () => {
    // Outside any container, CommonMark makes this indented code, and the source asked for none.
    expect(check('Text.\n\n    <dd class="caption">Front</dd>\n')).toEqual(['<dd class="caption">Front</dd>']);
  });

  it("accepts code the author asked for: a fence, a <pre>, a code shortcode", () => {
    expect(check("```html\n<p>hi</p>\n```\n")).toEqual([]);
    expect(check("<pre><code>&lt;p&gt;hi&lt;/p&gt;</code></pre>\n")).toEqual([]);
    expect(check("[code lang=html]<p>hi</p>[/code]\n")).toEqual([]);
  });

  it("passes WordPress's indented caption markup, which stays HTML", () => {
    const caption =
      '<div class="mceTemp">\n  <dl class="wp-caption">\n    <dt>x</dt>\n    \n    <dd class="wp-caption-dd">\n      Front\n    </dd>\n  </dl>\n</div>\n';
    expect(check(caption)).toEqual([]);
  });
});
