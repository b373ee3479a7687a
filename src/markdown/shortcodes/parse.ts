/**
 * Reading WordPress shortcodes out of text: `[name attrs]`, `[name attrs]content[/name]`, `[name /]`,
 * WordPress.com's `[youtube=URL]`, and the backslash-escaped form (`\[caption …\]…\[/caption\]`) that
 * HTML-to-Markdown converters leave in exports. Attribute rules follow WordPress's shortcode_parse_atts().
 */

export interface Shortcode {
  /** Lower-cased name. */
  name: string;
  /** Named attributes, names lower-cased. */
  attrs: Record<string, string>;
  /** Positional values (`[youtube URL]`, or the value of `[youtube=URL]`). */
  args: string[];
  /** What sits between the opening and closing tags, or null for a shortcode without a closing tag. */
  content: string | null;
  /** Length of the source text the shortcode spans. */
  length: number;
}

export type Closing = "required" | "optional" | "never";

/** Which shortcodes to read and whether each wraps content. */
export type ShortcodeSyntax = ReadonlyMap<string, Closing>;

const NAME = /^\\?\[([a-zA-Z][\w-]*)(?=[\s\]=/\\])/;

/**
 * The shortcode that starts exactly at the beginning of `src`, or null when there is none or it is
 * not one of `syntax`'s (unknown shortcodes are left to be shown as text).
 */
export function matchShortcode(src: string, syntax: ShortcodeSyntax): Shortcode | null {
  const head = NAME.exec(src);
  if (!head?.[1]) return null;
  const escaped = src.startsWith("\\[");
  const name = head[1].toLowerCase();
  const closing = syntax.get(name);
  if (closing === undefined) return null;

  const close = escaped ? "\\]" : "]";
  const attrStart = head[0].length;
  const openEnd = findTagEnd(src, attrStart, close);
  if (openEnd < 0) return null;
  let attrText = src.slice(attrStart, openEnd);
  const selfClosed = /\s*\/$/.test(attrText) && !escaped;
  if (selfClosed) attrText = attrText.replace(/\s*\/$/, "");
  if (escaped) attrText = attrText.replace(/\\([\\`*_{}[\]()#+\-.!"'])/g, "$1");
  const { attrs, args } = parseAttributes(attrText);
  const afterOpen = openEnd + close.length;

  if (closing === "never" || selfClosed) return { name, attrs, args, content: null, length: afterOpen };
  const closeTag = new RegExp(`${escaped ? "\\\\\\[" : "\\["}/${name}${escaped ? "\\\\\\]" : "\\]"}`, "i");
  const m = closeTag.exec(src.slice(afterOpen));
  if (!m) {
    return closing === "optional" ? { name, attrs, args, content: null, length: afterOpen } : null;
  }
  return { name, attrs, args, content: src.slice(afterOpen, afterOpen + m.index), length: afterOpen + m.index + m[0].length };
}

/** Index of the `]` that ends the opening tag: attributes cannot hold `]` or span a blank line. */
function findTagEnd(src: string, from: number, close: string): number {
  const end = src.indexOf(close, from);
  if (end < 0) return -1;
  const attrs = src.slice(from, end);
  if (attrs.includes("[") || /\n\s*\n/.test(attrs)) return -1;
  return end;
}

// Curly quotes appear when an export ran text through WordPress's wptexturize.
const CURLY_QUOTES = /[\u201c\u201d\u2033]|&#822[01];|&#8243;|&[lr]dquo;/g;
const ATTRIBUTE =
  /([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)/g;

export function parseAttributes(text: string): { attrs: Record<string, string>; args: string[] } {
  const attrs: Record<string, string> = {};
  const args: string[] = [];
  let source = text.replace(CURLY_QUOTES, '"');
  // `[youtube=URL]`: the whole rest is one value.
  if (source.startsWith("=")) {
    args.push(source.slice(1).trim());
    return { attrs, args };
  }
  source = source.trim();
  for (const m of source.matchAll(ATTRIBUTE)) {
    if (m[1] !== undefined) attrs[m[1].toLowerCase()] = m[2] ?? "";
    else if (m[3] !== undefined) attrs[m[3].toLowerCase()] = m[4] ?? "";
    else if (m[5] !== undefined) attrs[m[5].toLowerCase()] = m[6] ?? "";
    else {
      const value = m[7] ?? m[8] ?? m[9];
      if (value !== undefined) args.push(value);
    }
  }
  return { attrs, args };
}
