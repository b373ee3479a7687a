/**
 * Code blocks that arrive as raw HTML, written by WordPress plugins and other tools:
 *
 * - SyntaxHighlighter (Evolved): `<pre class="brush: bash; title: ; notranslate" title="">`
 * - WP-Syntax and similar: `<pre lang="php" line="1">`
 * - org-mode's HTML export: `<pre class="src src-emacs-lisp">`
 *
 * Their text is HTML (entities, sometimes `<br>`), which is decoded to the code it shows, highlighted,
 * and escaped once, in the same `<pre><code>` form a fenced block takes. A `<pre>` that names no
 * language is left exactly as written.
 */
import { decodeHTML } from "entities";
import { codeBlock } from "./highlight.ts";

const PRE = /<pre\b([^>]*)>([\s\S]*?)<\/pre\s*>/gi;
// Inside these, a `<pre>` is text (a script's string, a commented-out block), not a block to rewrite.
const PROTECTED = /<(script|style|textarea)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;

/** The language a raw `<pre>`'s attributes name, or null. */
export function preLanguage(attributes: string): string | null {
  const cls = attributeValue(attributes, "class") ?? "";
  const brush = /(?:^|[\s;])brush\s*:\s*([^;\s]+)/i.exec(cls)?.[1];
  if (brush) return brush;
  const org = /(?:^|\s)src-([\w+#.-]+)/i.exec(cls)?.[1];
  if (org) return org;
  return attributeValue(attributes, "lang") ?? attributeValue(attributes, "data-lang") ?? null;
}

/** Rewrites each language-naming `<pre>` in a piece of raw HTML as a highlighted code block. */
export function highlightRawPre(markup: string): string {
  if (!/<pre\b/i.test(markup)) return markup;
  let out = "";
  let last = 0;
  for (const m of markup.matchAll(PROTECTED)) {
    out += rewrite(markup.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + rewrite(markup.slice(last));
}

function rewrite(segment: string): string {
  return segment.replace(PRE, (whole, attributes: string, inner: string) => {
    const language = preLanguage(attributes);
    if (language === null) return whole;
    return codeBlock(textOf(inner), language).replace(/\n$/, "");
  });
}

/**
 * The text a `<pre>`'s content shows: other tags show their text, entities are decoded. A line break
 * right after `<pre>` is not part of the text (HTML §13.2.6.4.7). `<br>` ends a line; the visual editor
 * wrote it before the source's own line break, which is the same line end, not a blank line.
 */
function textOf(inner: string): string {
  const text = decodeHTML(inner.replace(/<br\s*\/?>(?:\r?\n)?/gi, "\n").replace(/<\/?[A-Za-z][^<>]*>/g, ""));
  return text.replace(/^\r?\n/, "").replace(/\s+$/, "");
}

function attributeValue(attributes: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+))`, "i").exec(attributes);
  const value = m?.[1] ?? m?.[2] ?? m?.[3];
  return value === undefined ? undefined : decodeHTML(value);
}
