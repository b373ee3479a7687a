/** highlight.js's token spans renamed to Rouge's classes (src/markdown/highlight/rouge.ts). */
import { describe, expect, it } from "vitest";
import { renameTokens, rougeTokens } from "../../../src/markdown/highlight/rouge.ts";

describe("Rouge's token classes", () => {
  it("unwraps scopes Rouge has no class for and keeps the spans inside them balanced", () => {
    const html = '<span class="hljs-function"><span class="hljs-keyword">def</span> <span class="hljs-title">f</span></span>(x)';
    expect(renameTokens(html, "ruby")).toBe(
      '<span class="k">def</span> <span class="nf">f</span><span class="p">(</span>x<span class="p">)</span>',
    );
  });

  it("names strings by their quotes, numbers by their form, comments by their opener", () => {
    expect(rougeTokens("x = 'a' + \"b\" + 1 # c\n", "ruby")).toContain(
      '<span class="s1">\'a\'</span> <span class="o">+</span> <span class="s2">"b"</span> <span class="o">+</span> <span class="mi">1</span> <span class="c1"># c</span>\n',
    );
    expect(rougeTokens("/* a */ var b = 2;\n", "javascript")).toBe(
      '<span class="cm">/* a */</span> <span class="kd">var</span> <span class="nx">b</span> <span class="o">=</span> <span class="mi">2</span><span class="p">;</span>\n',
    );
  });

  it("names Python's tokens as Rouge 3.30's Python lexer does (the expected text is Debian Rouge's)", () => {
    // Rouge: every string `s`, word operators `ow`, `import`/`from` `kn`, `print` a keyword.
    expect(rougeTokens("x = 'a' + \"b\" + 1.5 + 0x1f # c\n", "python")).toBe(
      '<span class="n">x</span> <span class="o">=</span> <span class="s">\'a\'</span> <span class="o">+</span> <span class="s">"b"</span> <span class="o">+</span> <span class="mf">1.5</span> <span class="o">+</span> <span class="mh">0x1f</span> <span class="c1"># c</span>\n',
    );
    expect(rougeTokens("for k in steps: print(k)\n", "python")).toBe(
      '<span class="k">for</span> <span class="n">k</span> <span class="ow">in</span> <span class="n">steps</span><span class="p">:</span> <span class="k">print</span><span class="p">(</span><span class="n">k</span><span class="p">)</span>\n',
    );
    expect(rougeTokens("from a import b\n", "python")).toContain('<span class="kn">from</span>');
  });

  it("escapes code no grammar knows, and only &, < and >, as Rouge does", () => {
    expect(rougeTokens('a < b && "c"\n', "no-such-language")).toBe('a &lt; b &amp;&amp; "c"\n');
  });
});
