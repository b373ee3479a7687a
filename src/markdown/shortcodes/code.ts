/**
 * `[code language="php"]…[/code]`, `[sourcecode lang="js"]`, `[source]`: the SyntaxHighlighter
 * plugins' shortcodes. The code becomes a block like a fenced one: escaped, never read as Markdown or HTML.
 */
import { decodeHTML } from "entities";
import { escapeHtml } from "./escape.ts";
import type { ShortcodeFamily } from "./family.ts";

const LANGUAGE = /^[\w+#.-]{1,30}$/;

export const codeFamily: ShortcodeFamily = {
  names: { code: "required", sourcecode: "required", source: "required" },
  render(sc, ctx) {
    const lang = (sc.attrs.language ?? sc.attrs.lang ?? sc.args[0] ?? "").toLowerCase();
    const langClass = LANGUAGE.test(lang) ? ` class="language-${escapeHtml(lang)}"` : "";
    // The visual editor stored `<` as `&lt;`; the plugins decoded it before showing code, and so do we,
    // then escape once. A line break right after the opening tag is layout, not code.
    const code = escapeHtml(decodeHTML((sc.content ?? "").replace(/^[ \t]*\r?\n/, "").replace(/\s+$/, "")));
    if (!ctx.block) return `<code${langClass}>${code}</code>`;
    return `<pre><code${langClass}>${code}\n</code></pre>\n`;
  },
};
