/**
 * Writes finished HTML (what WordPress showed) as a Markdown body that CommonMark passes through as
 * it is. Markdown reads text inside an HTML block (spec §4.6) as raw, but only until a blank line,
 * and text that starts a block outside one is Markdown (`*`, `_`, `1.` and indentation would change
 * it). So blank lines are kept only where the next line opens an HTML block again; `<pre>`,
 * `<script>`, `<style>`, `<textarea>` and comments keep their own blank lines (those blocks end at
 * their closing tag); anything else is joined to the block before it.
 */

/** CommonMark's type-6 block elements: a line starting with one of them opens an HTML block. */
const TYPE6 =
  /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[\s/>]|$)/i;
/** Type 1: these blocks run to their closing tag, blank lines included. */
const TYPE1 = /^<(pre|script|style|textarea)(?:[\s>]|$)/i;
/** `<!--more-->` becomes an inline anchor before Markdown runs, so it must never open a block. */
const MORE = /^<!--\s*more\b/i;

type Block = { kind: "html" } | { kind: "raw"; end: RegExp } | null;

/** Elements whose text keeps its newlines, and where the browser reads entities: a blank line can be one. */
const PRE = /(<(pre|textarea)\b[^>]*>)([\s\S]*?)(<\/\2\s*>)/gi;
/** Comments, scripts and styles: blank lines inside them mean nothing to the reader. */
const QUIET = /<!--[\s\S]*?-->|<(script|style)\b[\s\S]*?<\/\1\s*>/gi;

/**
 * An element that begins mid-block (`<li><pre>`) would be cut at its first blank line, so no blank
 * line may stay inside one: in `<pre>` a whitespace-only line ends with `&#10;` (the same newline to a
 * browser) instead, and in comments, scripts and styles blank lines are dropped.
 */
function withoutInnerBlankLines(html: string): string {
  return html
    .replace(PRE, (_m, open: string, _name: string, inner: string, close: string) => {
      let text = inner;
      for (let before = ""; before !== text; ) {
        before = text;
        text = text.replace(/\n([ \t]*)\n/g, "\n$1&#10;");
      }
      return open + text + close;
    })
    .replace(QUIET, (m) => m.replace(/\n[ \t]*(?=\n)/g, ""));
}

export function markdownSafeHtml(html: string): string {
  const lines = withoutInnerBlankLines(html.replace(/\r\n?/g, "\n")).split("\n");
  const out: string[] = [];
  let block: Block = null;
  let blank = false;
  let wrapped = false;
  // Whether the last block ended at its own closing tag (type 1, comments) rather than at a blank line.
  let closedByTag = false;
  for (const line of lines) {
    if (block?.kind === "raw") {
      out.push(line);
      if (block.end.test(line)) {
        block = null;
        closedByTag = true;
      }
      continue;
    }
    if (line.trim() === "") {
      if (block?.kind === "html") {
        block = null;
        closedByTag = false;
      }
      blank = true;
      continue;
    }
    if (block?.kind === "html") {
      out.push(line);
      continue;
    }
    // At the start of a block: indentation would make a code block, and is only layout in HTML.
    const text = line.trimStart();
    const type1 = TYPE1.exec(text);
    const comment = text.startsWith("<!--") && !MORE.test(text);
    if (type1 || comment || TYPE6.test(text)) {
      if (wrapped) {
        out.push("</div>");
        wrapped = false;
      }
      if (blank && out.length > 0) out.push("");
      out.push(text);
      if (type1) {
        const end = new RegExp(`</${type1[1]}\\s*>`, "i");
        block = end.test(text.slice(type1[0].length)) ? null : { kind: "raw", end };
      } else if (comment) block = text.slice(4).includes("-->") ? null : { kind: "raw", end: /-->/ };
      else block = { kind: "html" };
      closedByTag = block === null;
    } else if (out.length === 0) {
      // Text first: a wrapper makes it an HTML block, not a Markdown paragraph.
      out.push(`<div>${text}`);
      wrapped = true;
      block = { kind: "html" };
    } else if (!closedByTag) {
      // The HTML block before ended at the blank line; without it, this line continues that block.
      out.push(text);
      block = { kind: "html" };
    } else {
      // Straight after a block that ended at its closing tag: on the same line, it stays part of it.
      out[out.length - 1] += ` ${text}`;
    }
    blank = false;
  }
  if (wrapped) out.push("</div>");
  return `${out.join("\n")}\n`;
}
