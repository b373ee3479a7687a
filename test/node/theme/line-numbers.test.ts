/**
 * Numbered code in a page the site's own theme draws, as Jekyll writes it: Rouge's line-number table
 * for kramdown's `syntax_highlighter_opts` (chirpy's `block: line_numbers: true`) and for
 * `{% highlight x linenos %}`. Compared with Jekyll's build of test/fixtures/theme-line-numbers/
 * (`_expected/`, written by scripts/jekyll-theme-oracle.ts): the markup and the text exactly, the token
 * classes as in rouge-code.test.ts (token boundaries are highlight.js's). The layout holds a
 * `{% highlight %}` too, which the Worker draws from what the publish kept (it has no highlighter).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../../src/cli/load-content.ts";
import { kramdownLineNumbers } from "../../../src/markdown/highlight/line-numbers.ts";
import { rougeBlock, rougeInline } from "../../../src/markdown/highlight/rouge.ts";
import { drawThemed } from "../helpers/themed-draw.ts";

const FIXTURE = join(import.meta.dirname, "../../fixtures/theme-line-numbers");

const BLOCK =
  /<div class="[^"]*highlighter-rouge"><div class="highlight">[\s\S]*?<\/div><\/div>|<figure class="highlight">[\s\S]*?<\/figure>/g;
const blocks = (html: string) => html.match(BLOCK) ?? [];
const withoutTokens = (block: string) => block.replace(/<span class="[^"]*">|<\/span>/g, "");
const tokenClasses = (block: string) => new Set([...block.matchAll(/<span class="([^"]*)">/g)].map((m) => m[1]));
const inlineCode = (html: string) => html.match(/<code class="[^"]*highlighter-rouge">[\s\S]*?<\/code>/g) ?? [];

describe("numbered code, as Jekyll writes it with Rouge", async () => {
  const ours = drawThemed(await loadContent(FIXTURE), "/2022/03/01/numbered.html", "https://lines.example");
  const jekyll = readFileSync(join(FIXTURE, "_expected", "numbered.html"), "utf8");

  it("puts each block kramdown numbers, and the highlight tag's with linenos, in Rouge's table", () => {
    expect(blocks(ours).map(withoutTokens)).toEqual(blocks(jekyll).map(withoutTokens));
    expect(blocks(ours).filter((b) => b.includes('<table class="rouge-table">'))).toHaveLength(4);
  });

  it("names tokens inside the table only with classes Rouge gives the same block", () => {
    const theirs = blocks(jekyll);
    blocks(ours).forEach((block, i) => {
      const allowed = tokenClasses(theirs[i] ?? "");
      expect(
        [...tokenClasses(block)].filter((c) => !allowed.has(c as string)),
        `block ${i + 1}`,
      ).toEqual([]);
    });
  });

  it("colours {% highlight %} written in a layout, from the tokens the publish kept with the theme", () => {
    const layoutBlock = (html: string) => /<aside>\s*(<figure[\s\S]*?<\/figure>)/.exec(html)?.[1] ?? "";
    expect(withoutTokens(layoutBlock(ours))).toBe(withoutTokens(layoutBlock(jekyll)));
    expect(tokenClasses(layoutBlock(ours))).toContain("s2");
  });

  it("leaves code spans unnumbered when only blocks are asked for", () => {
    expect(inlineCode(ours)).toEqual(inlineCode(jekyll));
  });
});

describe("kramdown's line-number options", () => {
  it("takes start_line and line_format, and the top's options for blocks and spans alike", () => {
    const numbers = kramdownLineNumbers({ syntax_highlighter_opts: { line_numbers: true, block: { start_line: 9, line_format: "%02d" } } });
    const block = rougeBlock("a\nb\n", undefined, numbers.block);
    expect(block).toContain(
      '<td class="rouge-gutter gl"><pre class="lineno">09\n10\n</pre></td><td class="rouge-code"><pre>a\nb\n</pre></td>',
    );
    // Jekyll 4.3 writes `x` with `line_numbers: true` at the top as a one-line table inside the <code>.
    expect(rougeInline("x", numbers.span)).toBe(
      '<code class="language-plaintext highlighter-rouge"><table class="rouge-table"><tbody><tr><td class="rouge-gutter gl"><pre class="lineno">1\n</pre></td><td class="rouge-code"><pre>x\n</pre></td></tr></tbody></table></code>',
    );
  });

  it("numbers nothing when line_numbers is false, missing or under another key", () => {
    expect(kramdownLineNumbers({ syntax_highlighter_opts: { block: { line_numbers: false } } })).toEqual({ block: null, span: null });
    expect(kramdownLineNumbers({ input: "GFM" })).toEqual({ block: null, span: null });
    expect(kramdownLineNumbers("rouge")).toEqual({ block: null, span: null });
    expect(kramdownLineNumbers({ syntax_highlighter_opts: { line_numbers: true, span: { line_numbers: false } } }).span).toBeNull();
  });
});
