/**
 * Code in a page the site's own theme draws is written as Jekyll writes it (kramdown with Rouge), so
 * the theme's syntax stylesheet colours it: compared with Jekyll's build of test/fixtures/theme-kramdown/
 * (`_expected/`, written by scripts/jekyll-theme-oracle.ts). The wrapper markup and the code's text
 * must be Jekyll's exactly; token boundaries are highlight.js's, so of the token classes only this is
 * asked: each class a block uses is one Rouge uses on the same block.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../../src/cli/load-content.ts";
import { renderMarkdown } from "../../../src/markdown/marked.ts";
import { drawThemed } from "../helpers/themed-draw.ts";

const FIXTURE = join(import.meta.dirname, "../../fixtures/theme-kramdown");
const expected = (name: string) => readFileSync(join(FIXTURE, "_expected", name), "utf8");

const BLOCK =
  /<div class="[^"]*highlighter-rouge"><div class="highlight">[\s\S]*?<\/div><\/div>|<figure class="highlight">[\s\S]*?<\/figure>/g;
const blocks = (html: string) => html.match(BLOCK) ?? [];
const withoutTokens = (block: string) => block.replace(/<span class="[^"]*">|<\/span>/g, "");
const tokenClasses = (block: string) => new Set([...block.matchAll(/<span class="([^"]*)">/g)].map((m) => m[1]));
const inlineCode = (html: string) => html.match(/<code class="[^"]*highlighter-rouge">[^<]*<\/code>/g) ?? [];

describe("code in a themed page, as Jekyll writes it with Rouge", async () => {
  const ours = drawThemed(await loadContent(FIXTURE), "/2021/05/01/code.html", "https://kramdown.example");
  const jekyll = expected("code.html");

  it("writes each block in kramdown's and the highlight tag's markup, with the same text", () => {
    expect(blocks(ours).map(withoutTokens)).toEqual(blocks(jekyll).map(withoutTokens));
    expect(blocks(ours)).toHaveLength(5);
  });

  it("names tokens only with classes Rouge gives the same block", () => {
    const theirs = blocks(jekyll);
    blocks(ours).forEach((block, i) => {
      const allowed = tokenClasses(theirs[i] ?? "");
      const used = [...tokenClasses(block)];
      expect(
        used.filter((c) => !allowed.has(c as string)),
        `block ${i + 1}`,
      ).toEqual([]);
    });
    // Ruby, JavaScript and Python blocks are coloured, not left plain.
    for (const i of [0, 1, 4]) expect(tokenClasses(blocks(ours)[i] ?? "").size).toBeGreaterThan(4);
  });

  it("writes inline code as kramdown does", () => {
    const body = (html: string) => html.slice(html.indexOf('<div class="lede">'));
    expect(inlineCode(body(ours)).slice(-1)).toEqual(inlineCode(body(jekyll)).slice(-1));
  });

  it("writes each language name as kramdown and Rouge do: as written or from the block's attribute list, plain text unmarked, a name Rouge lacks in a plain pre", async () => {
    const named = drawThemed(await loadContent(FIXTURE), "/2021/05/04/languages.html", "https://kramdown.example");
    const theirs = expected("languages.html");
    const frames = (html: string) =>
      html.match(/<div class="[^"]*highlighter-rouge">|<pre><code[^>]*>|<figure class="highlight"><pre><code[^>]*>/g) ?? [];
    expect(frames(theirs)).toHaveLength(16);
    expect(frames(named)).toEqual(frames(theirs));
    // Rouge's plain-text lexer (`text`, `plaintext`) and the blocks Rouge has no lexer for carry no token spans: exactly Jekyll's.
    const plain = (html: string) =>
      html.match(
        /<div class="language-(?:text|plaintext) [\s\S]*?<\/div><\/div>|<pre><code class="language-[^"]*">[\s\S]*?<\/code><\/pre>|<figure[\s\S]*?<\/figure>/g,
      ) ?? [];
    expect(plain(theirs)).toHaveLength(10);
    expect(plain(named)).toEqual(plain(theirs));
    expect(blocks(named).map(withoutTokens)).toEqual(blocks(theirs).map(withoutTokens));
  });

  it("keeps highlight.js's markup for a site the built-in theme draws", () => {
    const html = renderMarkdown("Run `x`.\n\n```ruby\nputs 1\n```\n");
    expect(html).toContain('<pre><code class="hljs language-ruby">');
    expect(html).toContain("<code>x</code>");
    expect(html).not.toContain("highlighter-rouge");
  });
});
