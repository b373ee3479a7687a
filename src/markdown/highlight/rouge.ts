/**
 * Code as Jekyll (kramdown with Rouge) writes it, for a site drawn by its own theme, whose syntax
 * stylesheet colours Rouge's markup and classes, not highlight.js's: a fenced or indented block is
 * `<div class="language-x highlighter-rouge"><div class="highlight"><pre class="highlight"><code>`
 * (`language-plaintext` without a language; the name as written, and a name Rouge does not know
 * leaves the block kramdown's plain `<pre><code class="language-x">`), `{% highlight x %}` is `<figure class="highlight"><pre>
 * <code class="language-x" data-lang="x">`, inline code `<code class="language-plaintext
 * highlighter-rouge">`. Tokens are found by highlight.js and named with Rouge's classes
 * (rouge-classes.ts); punctuation and operators highlight.js leaves unmarked get `p` and `o`, as Rouge
 * gives them. Token boundaries may differ from Rouge's; the classes are Rouge's.
 */
import { escapeHtml } from "../shortcodes/escape.ts";
import { highlightCode } from "./highlight.ts";
import { languageName } from "./languages.ts";
import { DECLARATIONS, FAMILY, FAMILY_CLASSES, FAMILY_WORDS, NAME_CLASS, ROUGE_CLASS, WITH_DECLARATIONS } from "./rouge-classes.ts";
import { rougeKnows, rougePlainText } from "./rouge-lexers.ts";
import { type LineTable, rougeTable } from "./rouge-table.ts";

/** A fenced or indented code block as kramdown writes it with Rouge (in `table` when its lines are numbered), ending in a newline. */
export function rougeBlock(code: string, language: string | undefined, table?: LineTable | null): string {
  // kramdown hands Rouge the name as written (`Dockerfile`, `Text`): Rouge looks it up exactly.
  const written = language?.trim();
  const name = written !== undefined && languageName(written) !== null ? written : "plaintext";
  const body = code.endsWith("\n") ? code : `${code}\n`;
  if (!rougeKnows(name)) return `<pre><code class="language-${escapeHtml(name)}">${escapeCode(body)}</code></pre>\n`;
  const tokens = rougeTokens(body, name);
  const inner = table ? rougeTable(tokens, table) : tokens;
  return `<div class="language-${escapeHtml(name)} highlighter-rouge"><div class="highlight"><pre class="highlight"><code>${inner}</code></pre></div></div>\n`;
}

/** Inline code, as kramdown writes it when Rouge is the highlighter (in `table` when spans' lines are numbered). */
export function rougeInline(code: string, table?: LineTable | null): string {
  const text = escapeCode(code);
  return `<code class="language-plaintext highlighter-rouge">${table ? rougeTable(text, table) : text}</code>`;
}

/**
 * The code (plain text) as escaped HTML with Rouge's token spans; just escaped for Rouge's plain-text
 * lexer, for a name Rouge does not know (Jekyll's highlight tag falls back to plain text) and for one
 * no grammar here knows.
 */
export function rougeTokens(code: string, name: string): string {
  const grammar = languageName(name);
  const plain = grammar === null || rougePlainText(name) || !rougeKnows(name);
  const highlighted = plain ? null : highlightCode(code, grammar);
  return highlighted === null ? escapeCode(code) : renameTokens(highlighted, grammar ?? name);
}

const PART = /<span class="([^"]*)">|<\/span>|[^<]+/g;

/** highlight.js's HTML with each `hljs-*` span renamed to Rouge's class (or unwrapped), and bare punctuation marked. */
export function renameTokens(html: string, language: string): string {
  let out = "";
  // For each open span: whether it was written (a class Rouge has) or dropped (its text stays, bare).
  const open: boolean[] = [];
  for (const m of html.matchAll(PART)) {
    const part = m[0];
    if (m[1] !== undefined) {
      // The class may depend on the token's text (a string's quote), which follows the tag.
      const cls = rougeClass(m[1], textStart(html, m.index + part.length), language);
      open.push(cls !== "");
      if (cls !== "") out += `<span class="${cls}">`;
    } else if (part === "</span>") {
      if (open.pop()) out += "</span>";
    } else out += open.includes(true) ? plainQuotes(part) : markBare(part, nameClass(language));
  }
  return out;
}

function nameClass(language: string): string | undefined {
  const family = FAMILY[language];
  return family === undefined ? undefined : NAME_CLASS[family];
}

/** The text of the token opening at `from` (up to its first tag), for classes decided by text. */
function textStart(html: string, from: number): string {
  const end = html.indexOf("<", from);
  return html.slice(from, end === -1 ? undefined : end);
}

function rougeClass(hljsClasses: string, text: string, language: string): string {
  const [first = "", ...rest] = hljsClasses.split(/\s+/);
  if (!first.startsWith("hljs-")) return "";
  // `hljs-title function_` is the scope `title.function`.
  const scope = [first.slice(5), ...rest.map((r) => r.replace(/_+$/, ""))].join(".");
  let entry: string | ((text: string) => string) | undefined;
  for (let s = scope; entry === undefined && s !== ""; s = s.includes(".") ? s.slice(0, s.lastIndexOf(".")) : "") entry = ROUGE_CLASS[s];
  const family = FAMILY[language];
  const own: Readonly<Record<string, string>> = family === undefined ? {} : FAMILY_CLASSES[family];
  const named = own[scope];
  if (named !== undefined) return named;
  const cls = typeof entry === "function" ? entry(text) : (entry ?? "");
  const word = family === undefined || (cls !== "k" && cls !== "nb") ? undefined : FAMILY_WORDS[family][text];
  if (word !== undefined) return word;
  if (own[cls] !== undefined) return own[cls] ?? cls;
  if (cls === "k" && WITH_DECLARATIONS.has(language) && DECLARATIONS.has(text)) return "kd";
  return cls;
}

// Entities count as one character: `&gt;` is an operator, `&quot;` is not.
const BARE = /((?:[=+\-*/%!|^~?]|&lt;|&gt;|&amp;)+)|([()[\]{},;.:]+)|([A-Za-z_$][\w$]*)|&quot;|&#x27;/g;

/** Text outside any token: operators (`o`) and punctuation (`p`) as Rouge marks them, names as the language's lexer does. */
function markBare(text: string, nameClass: string | undefined): string {
  return text.replace(BARE, (whole, operator?: string, punctuation?: string, name?: string) => {
    if (operator !== undefined) return `<span class="o">${operator}</span>`;
    if (punctuation !== undefined) return `<span class="p">${punctuation}</span>`;
    if (name !== undefined) return nameClass === undefined ? name : `<span class="${nameClass}">${name}</span>`;
    return plainQuotes(whole);
  });
}

/** Rouge escapes only `&`, `<` and `>`; highlight.js also writes quotes as entities. */
function plainQuotes(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'");
}

function escapeCode(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
