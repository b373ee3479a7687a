/**
 * `[code language="php"]…[/code]`, `[sourcecode lang="js"]`, `[source]`: the SyntaxHighlighter
 * plugins' shortcodes. The code becomes a block like a fenced one, highlighted when its language is
 * known: never read as Markdown or HTML.
 */
import { decodeHTML } from "entities";
import { codeBlock } from "../highlight/highlight.ts";
import { languageName } from "../highlight/languages.ts";
import { escapeHtml } from "./escape.ts";
import type { ShortcodeFamily } from "./family.ts";

export const codeFamily: ShortcodeFamily = {
  names: { code: "required", sourcecode: "required", source: "required" },
  render(sc, ctx) {
    const lang = sc.attrs.language ?? sc.attrs.lang ?? sc.args[0];
    // The visual editor stored `<` as `&lt;`; the plugins decoded it before showing code, and so do we,
    // then escape once. A line break right after the opening tag is layout, not code.
    const code = decodeHTML((sc.content ?? "").replace(/^[ \t]*\r?\n/, "").replace(/\s+$/, ""));
    if (ctx.block) return codeBlock(code, lang);
    const name = languageName(lang);
    return `<code${name === null ? "" : ` class="language-${escapeHtml(name)}"`}>${escapeHtml(code)}</code>`;
  },
};
