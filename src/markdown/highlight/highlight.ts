/**
 * Code blocks with their syntax highlighted at publish time. highlight.js marks tokens with classes
 * (`<span class="hljs-keyword">`), which the theme colours for light and dark (render/styles.ts), so a
 * page carries no script and no inline colours, and the Worker renders it as it renders any post.
 * A name no grammar knows, or no name at all, leaves the code plain: escaped, never guessed at.
 */
import { escapeHtml } from "../shortcodes/escape.ts";
import { hasGrammar, highlightWith } from "./grammars.js";
import { grammarFor, languageName } from "./languages.ts";

/** A `<pre><code>` block for `code` (plain text, not HTML) written in `language`, ending in a newline. */
export function codeBlock(code: string, language: string | undefined): string {
  const name = languageName(language);
  const body = code.endsWith("\n") ? code : `${code}\n`;
  const highlighted = name === null ? null : highlightCode(body, name);
  if (highlighted !== null) return `<pre><code class="hljs language-${escapeHtml(name ?? "")}">${highlighted}</code></pre>\n`;
  const cls = name === null ? "" : ` class="language-${escapeHtml(name)}"`;
  return `<pre><code${cls}>${escapeHtml(body)}</code></pre>\n`;
}

/** The code as highlighted HTML, or null when no grammar knows `name`. */
export function highlightCode(code: string, name: string): string | null {
  const grammar = grammarFor(name);
  return hasGrammar(grammar) ? highlightWith(code, grammar) : null;
}
