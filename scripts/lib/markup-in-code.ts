/**
 * Finds HTML an author wrote as HTML that the page shows as code: a code block holding markup in a
 * post whose source asks for no code at all (no fence, no `<pre>`, no code shortcode). Indentation
 * alone never makes code in an export; when it does on a published page, the engine broke it.
 */
import { decodeHTML } from "entities";

/** A tag as authors write them: `<dd class="…">`, `</dl>`, `<br />`. */
const MARKUP = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/i;
/** What asks for a code block in a source: a fence, a `<pre>`, or a SyntaxHighlighter shortcode. */
const ASKS_FOR_CODE = /^ {0,3}(```|~~~)|<pre\b|\[(code|sourcecode|source)\b/im;
const CODE_BLOCK = /<pre[^>]*>\s*<code[^>]*>([\s\S]*?)<\/code>\s*<\/pre>/gi;

/** The first line of each code block that shows markup the source did not ask to show as code. */
export function markupShownAsCode(source: string, html: string): string[] {
  if (ASKS_FOR_CODE.test(source)) return [];
  const found: string[] = [];
  for (const m of html.matchAll(CODE_BLOCK)) {
    const text = decodeHTML(m[1] ?? "");
    if (MARKUP.test(text)) found.push(text.trim().split("\n")[0] ?? "");
  }
  return found;
}
