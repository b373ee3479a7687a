/**
 * `> <pre>line one` followed by lines without `>` up to `</pre>`: how WordPress-to-Markdown exporters
 * write a `<blockquote><pre>` block. CommonMark ends the quote after the first line (an HTML block takes
 * no lazy continuation lines), which cuts the code in two; WordPress showed one quoted code block, and
 * so does this block extension.
 */
import type { MarkedExtension, Tokens } from "marked";

const QUOTED_PRE = /^ {0,3}> ?(<pre\b[^\n]*)\n((?:(?! {0,3}>)[^\n]*\n)*?(?! {0,3}>)[^\n]*<\/pre>[^\n]*)(?:\n|$)/i;

export function quotedPre(): MarkedExtension {
  return {
    extensions: [
      {
        name: "quotedPre",
        level: "block",
        tokenizer(src) {
          const m = QUOTED_PRE.exec(src);
          // A first line that closes its own <pre> is ordinary Markdown, and parses as such.
          if (!m?.[1] || m[2] === undefined || /<\/pre>/i.test(m[1])) return undefined;
          const html: Tokens.HTML = { type: "html", block: true, pre: true, raw: `${m[1]}\n${m[2]}`, text: `${m[1]}\n${m[2]}\n` };
          const quote: Tokens.Blockquote = { type: "blockquote", raw: m[0], text: html.text, tokens: [html] };
          return quote;
        },
      },
    ],
  };
}
