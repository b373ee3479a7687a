/** The page skeleton compare:jekyll measures themes by: elements, ids and classes in order, never what sits inside <pre>. */
import { describe, expect, it } from "vitest";
import { ownAssets, similarity, skeleton } from "../../../scripts/lib/skeleton.ts";

describe("skeleton", () => {
  it("lists elements with their id and sorted classes, leaving out what is inside <pre>", () => {
    const page = '<div id="main" class="b a"><pre class="highlight"><code><span class="k">if</span></code></pre><p>x</p></div>';
    expect(skeleton(page)).toEqual(["html", "head", "body", "div#main.a.b", "pre.highlight", "p"]);
  });

  it("similarity is 1 for the same skeleton, 0 for nothing shared, and counts what is shared in order", () => {
    expect(similarity(["a", "b", "c"], ["a", "b", "c"])).toBe(1);
    expect(similarity(["a"], ["b"])).toBe(0);
    // Longest common subsequence a, c: 2·2 / (3 + 3).
    expect(similarity(["a", "b", "c"], ["a", "c", "b"])).toBeCloseTo(4 / 6);
  });

  it("finds the stylesheets and scripts a page loads from its own site only", () => {
    const html = `<link rel="stylesheet" href="http://127.0.0.1:9/static/main.css"><link rel="icon" href="/i.png">
<script src="/static/app.js"></script><script src="https://cdn.example/x.js"></script><link href="https://fonts.example/f.css" rel="stylesheet">`;
    expect(ownAssets(html, "http://127.0.0.1:9")).toEqual(["/static/main.css", "/static/app.js"]);
  });
});
