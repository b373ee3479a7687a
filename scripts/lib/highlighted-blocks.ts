/**
 * Checks that code WordPress's SyntaxHighlighter showed in colour (`<pre class="brush: LANG">` in an
 * export) reaches the page as a highlighted block: in the source's order, each such block is a
 * `<pre><code class="hljs language-LANG">` whose text is exactly the code the source holds.
 */
import { decodeHTML } from "entities";

const BRUSH_PRE = /<pre\b[^>]*\bclass\s*=\s*["'][^"']*\bbrush\s*:\s*([^;"'\s]+)[^>]*>([\s\S]*?)<\/pre\s*>/gi;
const HIGHLIGHTED = /<pre><code class="hljs language-([^"]+)">([\s\S]*?)<\/code><\/pre>/g;

export interface BrushReport {
  /** SyntaxHighlighter blocks in the source. */
  blocks: number;
  /** Of them, blocks on the page highlighted with their language and their text intact. */
  highlighted: number;
  /** Of those, blocks whose grammar found tokens to colour. */
  coloured: number;
  problems: string[];
}

/** `source`: the post's Markdown; `html`: its body as published. */
export function checkBrushBlocks(source: string, html: string): BrushReport {
  const wanted = [...source.matchAll(BRUSH_PRE)].map((m) => ({ language: (m[1] ?? "").toLowerCase(), code: codeOf(m[2] ?? "") }));
  const found = [...html.matchAll(HIGHLIGHTED)].map((m) => ({ language: m[1] ?? "", html: m[2] ?? "" }));
  const report: BrushReport = { blocks: wanted.length, highlighted: 0, coloured: 0, problems: [] };
  let from = 0;
  for (const block of wanted) {
    const at = found.findIndex((f, i) => i >= from && f.language === block.language && textOf(f.html) === block.code);
    if (at < 0) {
      report.problems.push(`brush: ${block.language} block not highlighted: ${block.code.split("\n")[0]?.slice(0, 80)}`);
      continue;
    }
    from = at + 1;
    report.highlighted++;
    if (/<span class="hljs-/.test(found[at]?.html ?? "")) report.coloured++;
  }
  return report;
}

/** The code a SyntaxHighlighter block holds: entities decoded, `<br>` a line end, trailing space trimmed. */
function codeOf(inner: string): string {
  return decodeHTML(inner.replace(/<br\s*\/?>(?:\r?\n)?/gi, "\n"))
    .replace(/^\r?\n/, "")
    .trimEnd();
}

function textOf(highlighted: string): string {
  return decodeHTML(highlighted.replace(/<[^>]*>/g, "")).trimEnd();
}
