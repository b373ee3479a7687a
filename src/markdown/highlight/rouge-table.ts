/**
 * Rouge's line-number table (Rouge::Formatters::HTMLTable), which Jekyll writes for code when a site
 * asks for numbered lines: kramdown's `syntax_highlighter_opts` `line_numbers: true` (chirpy sets it
 * for blocks) and `{% highlight x linenos %}`. The numbers sit in their own `<pre>`, so a reader who
 * selects the code copies no numbers, and the theme's stylesheet (`.rouge-table`, `.lineno`) lays the
 * two cells out.
 */
import { escapeHtml } from "../shortcodes/escape.ts";

export interface LineTable {
  /** The first line's number (`start_line`). */
  start: number;
  /** How a number is written (`line_format`, a Ruby format such as `%i` or `%03d`). */
  format: string;
  /** The table's, the numbers' and the code's cell classes (`table_class`, `gutter_class`, `code_class`). */
  tableClass: string;
  gutterClass: string;
  codeClass: string;
}

/** Rouge's defaults, which kramdown keeps. */
export const ROUGE_TABLE: LineTable = {
  start: 1,
  format: "%i",
  tableClass: "rouge-table",
  gutterClass: "rouge-gutter",
  codeClass: "rouge-code",
};

/** The classes Jekyll's highlight tag gives the cells (lib/jekyll/tags/highlight.rb#render_rouge). */
export const HIGHLIGHT_TAG_TABLE: LineTable = { ...ROUGE_TABLE, gutterClass: "gutter", codeClass: "code" };

/**
 * Highlighted code (escaped HTML with token spans) in the table. As HTMLTable does, every line break
 * counts a line, and code that does not end in one gets one (and one more line) in the table.
 */
export function rougeTable(html: string, table: LineTable): string {
  const ended = html.endsWith("\n");
  const count = (html.match(/\n/g)?.length ?? 0) + (ended ? 0 : 1);
  let numbers = "";
  for (let n = table.start; n < table.start + count; n++) numbers += `${lineNumber(table.format, n)}\n`;
  // The classes come from _config.yml as written; Rouge writes them unescaped, we keep them attributes.
  const [outer, gutter, code] = [table.tableClass, table.gutterClass, table.codeClass].map(escapeHtml);
  return (
    `<table class="${outer}"><tbody><tr><td class="${gutter} gl"><pre class="lineno">${numbers}</pre></td>` +
    `<td class="${code}"><pre>${ended ? html : `${html}\n`}</pre></td></tr></tbody></table>`
  );
}

// The part of Ruby's sprintf a line number needs: `%%`, and `%i`/`%d` with a zero or minus flag and a width.
const DIRECTIVE = /%%|%([0-]?)(\d*)[id]/g;

function lineNumber(format: string, n: number): string {
  return format.replace(DIRECTIVE, (whole, flag: string | undefined, width: string | undefined) => {
    if (whole === "%%") return "%";
    const digits = String(n);
    const size = Number(width || 0);
    if (flag === "-") return digits.padEnd(size);
    return digits.padStart(size, flag === "0" ? "0" : " ");
  });
}
