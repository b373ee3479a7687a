import { describe, expect, it } from "vitest";
import { excerptOf } from "../../../src/compile/excerpt.ts";
import type { Post } from "../../../src/content/post.ts";
import { renderMarkdown } from "../../../src/markdown/marked.ts";

function post(body: string, excerpt: string | null = null): Post {
  return {
    source: "x.md",
    id: null,
    title: "T",
    date: "2020-01-01T00:00:00.000Z",
    updated: null,
    author: "",
    layout: "post",
    permalink: "/x/",
    guid: null,
    categories: [],
    tags: [],
    excerpt,
    redirectFrom: [],
    fields: {},
    body,
    keyLines: {},
  };
}
const of = (p: Post) => excerptOf(p, renderMarkdown(p.body));

describe("excerpts", () => {
  it("ends at <!--more--> and closes the tags the cut leaves open", () => {
    const e = of(
      post('<p style="text-align: justify;">\n  Teaser &#8220;quoted&#8221;.\n</p>\n\n<p>\n  <!--more-->\n</p>\n\nRest of the post.'),
    );
    expect(e.more).toBe(true);
    // The paragraph that held the marker is left empty by the cut, and goes.
    expect(e.html).toBe('<p style="text-align: justify;">\n  Teaser “quoted”.\n</p>');
    expect(e.summary).toBe("Teaser “quoted”.");
  });

  it("drops scripts from teasers: a list page runs nothing from a post", () => {
    const e = of(post("Hello <script>alert(1)</script> world\n\n<!--more-->\n\nRest"));
    expect(e.html).not.toContain("script");
  });

  it("uses the first 55 words as plain text when there is no marker", () => {
    const words = Array.from({ length: 80 }, (_, i) => `w${i}`).join(" ");
    const e = of(post(`<div><b>${words}</b></div>`));
    expect(e.more).toBe(true);
    expect(e.summary.split(" ")).toHaveLength(55);
    expect(e.html).toBe(`<p>${words.split(" ").slice(0, 55).join(" ")}\u2026</p>`);
  });

  it("keeps a post's opening code block as code, cut to its first lines, not flattened into prose (defect 8)", () => {
    const code = Array.from({ length: 12 }, (_, i) => `echo line${i} <tag> & more`).join("\n");
    const e = of(post(`\`\`\`bash\n${code}\n\`\`\`\n\nThen some words.`));
    expect(e.more).toBe(true);
    expect(e.html).toBe(
      `<pre><code class="language-bash">${code.split("\n").slice(0, 8).join("\n").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}\n\u2026</code></pre>`,
    );
  });

  it("keeps a short opening code block whole and goes on with the words after it", () => {
    const e = of(post("```\nls -l\n```\n\nThat lists files."));
    expect(e).toMatchObject({ more: false, html: "<pre><code>ls -l</code></pre><p>That lists files.</p>" });
  });

  it("shows a short post whole, with no link to read on", () => {
    const e = of(post("Just <em>this</em> &amp; that."));
    expect(e).toMatchObject({ more: false, summary: "Just this & that.", html: "<p>Just this &amp; that.</p>" });
  });

  it("prefers the author's excerpt, as text", () => {
    const e = of(post("Body", "A <b>short</b> summary &amp; more"));
    expect(e).toMatchObject({ html: "<p>A short summary &amp; more</p>", summary: "A short summary & more", more: true });
  });

  it("keeps meta descriptions within 160 characters, cut at a word", () => {
    const e = of(post("lorem ipsum ".repeat(100)));
    expect(e.description.length).toBeLessThanOrEqual(160);
    expect(e.description.endsWith("ipsum\u2026") || e.description.endsWith("lorem\u2026")).toBe(true);
  });
});
