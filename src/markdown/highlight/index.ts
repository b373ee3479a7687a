/** Fenced and indented code blocks, highlighted (raw `<pre>` in HTML blocks: see raw-pre.ts, run from marked.ts). */
import type { MarkedExtension, Tokens } from "marked";
import { codeBlock } from "./highlight.ts";

export function highlighting(): MarkedExtension {
  return {
    renderer: {
      code(token: Tokens.Code) {
        // The info string's first word is the language (CommonMark §4.5); `escaped` text was already HTML.
        const language = /^\S*/.exec(token.lang ?? "")?.[0];
        return codeBlock(token.text, language === "" ? undefined : language);
      },
    },
  };
}
