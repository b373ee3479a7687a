/**
 * WordPress's visual editor indents the markup inside containers, and exporters keep the blank lines
 * it leaves between children:
 *
 *   <div class="mceTemp">
 *     <dl class="wp-caption">
 *       <dt>…</dt>
 *
 *       <dd class="wp-caption-dd">Wristwatch Front</dd>
 *
 * CommonMark ends an HTML block at the blank line, so the indented `<dd>` after it becomes an
 * indented code block and the reader sees markup as code. WordPress showed HTML: when an HTML
 * container's element only closes after blank lines, and every line after a blank line is itself
 * markup (starts with `<`), the whole element is one HTML block. A container whose blank lines are
 * followed by text (Markdown inside a `<div>`) is left to CommonMark's rules.
 */
import type { MarkedExtension, Tokens } from "marked";

/** CommonMark's type-6 HTML block elements (spec §4.6): the ones that start a block at a line's start. */
const BLOCK_TAGS =
  "address|article|aside|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul";
const OPENING = new RegExp(`^ {0,3}<(${BLOCK_TAGS})(?=[\\s/>]|$)`, "i");

export function htmlContainers(): MarkedExtension {
  return {
    extensions: [
      {
        name: "htmlContainer",
        level: "block",
        tokenizer(src) {
          const tag = OPENING.exec(src)?.[1]?.toLowerCase();
          if (tag === undefined) return undefined;
          const end = closingLineEnd(src, tag);
          if (end === null) return undefined;
          const raw = src.slice(0, end);
          if (!spansMarkupAfterBlankLines(raw)) return undefined;
          const token: Tokens.HTML = { type: "html", block: true, pre: false, raw, text: raw.replace(/\n*$/, "\n") };
          return token;
        },
      },
    ],
  };
}

/** Where the line that closes the element opened at the start of `src` ends (newlines after it included), or null. */
function closingLineEnd(src: string, tag: string): number | null {
  const open = new RegExp(`<${tag}(?=[\\s/>])`, "gi");
  const close = new RegExp(`</${tag}\\s*>`, "gi");
  let depth = 0;
  let at = 0;
  while (at < src.length) {
    const next = src.indexOf("\n", at);
    const lineEnd = next < 0 ? src.length : next + 1;
    const line = src.slice(at, lineEnd);
    depth += (line.match(open)?.length ?? 0) - (line.match(close)?.length ?? 0);
    if (depth <= 0) {
      const blank = /^(?:[ \t]*\n)*/.exec(src.slice(lineEnd))?.[0].length ?? 0;
      return lineEnd + blank;
    }
    at = lineEnd;
  }
  return null;
}

/** True when the element has blank lines inside it and every line after one is markup. */
function spansMarkupAfterBlankLines(raw: string): boolean {
  const lines = raw.replace(/\n+$/, "").split("\n");
  let sawBlank = false;
  let afterBlank = false;
  for (const line of lines) {
    if (line.trim() === "") {
      sawBlank = true;
      afterBlank = true;
      continue;
    }
    if (afterBlank && !line.trimStart().startsWith("<")) return false;
    afterBlank = false;
  }
  return sawBlank;
}
