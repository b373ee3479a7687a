import { describe, expect, it } from "vitest";
import { checkBrushBlocks } from "../../../scripts/lib/highlighted-blocks.ts";
import { renderMarkdown } from "../../../src/markdown/marked.ts";

const SOURCE = `Before.

<pre class="brush: bash; title: ; notranslate" title="">sudo sh -c 'zcat /proc/config.gz &gt; .config'</pre>

<pre class="brush: plain; title: ; notranslate" title="">network={
    ssid="Foo"
}</pre>
`;

describe("SyntaxHighlighter blocks on the page", () => {
  it("counts blocks highlighted with their language and their code intact", () => {
    expect(checkBrushBlocks(SOURCE, renderMarkdown(SOURCE))).toEqual({ blocks: 2, highlighted: 2, coloured: 1, problems: [] });
  });

  it("reports a block left plain, or whose code changed on the way", () => {
    const plain = "<pre>sudo sh -c 'zcat /proc/config.gz &gt; .config'</pre>";
    const changed = '<pre><code class="hljs language-plain">network={\n}\n</code></pre>';
    const report = checkBrushBlocks(SOURCE, `${plain}\n${changed}`);
    expect(report.highlighted).toBe(0);
    expect(report.problems).toEqual([
      "brush: bash block not highlighted: sudo sh -c 'zcat /proc/config.gz > .config'",
      "brush: plain block not highlighted: network={",
    ]);
  });
});
