/**
 * Fenced and indented code blocks, highlighted (raw `<pre>` in HTML blocks: see raw-pre.ts, run from
 * marked.ts), and code spans. A site drawn by its own Jekyll theme gets them in Rouge's markup and
 * classes (rouge.ts), which its syntax stylesheet colours; other sites get highlight.js's.
 */
import type { MarkedExtension, Tokens } from "marked";
import { renderDataOf } from "../render-data.ts";
import { codeBlock } from "./highlight.ts";
import { rougeBlock, rougeInline } from "./rouge.ts";

export function highlighting(): MarkedExtension {
  return {
    renderer: {
      code(token: Tokens.Code) {
        // The info string's first word is the language (CommonMark §4.5); `escaped` text was already HTML.
        const language = /^\S*/.exec(token.lang ?? "")?.[0];
        const lang = language === "" ? undefined : language;
        const data = renderDataOf(this.options);
        return data.kramdown ? rougeBlock(token.text, lang, data.lineNumbers?.block) : codeBlock(token.text, lang);
      },
      codespan(token: Tokens.Codespan) {
        // marked's own code span, escaped as it escapes it, in kramdown's markup when Rouge is asked for.
        const data = renderDataOf(this.options);
        return data.kramdown ? rougeInline(token.text, data.lineNumbers?.span) : false;
      },
    },
  };
}
