/**
 * Finds the headings of a rendered body, Markdown and raw HTML alike, outside code, scripts and
 * comments (where `<h2>` is text the author is showing). Shared by the id pass and the table of contents.
 */
import { decodeHTML } from "entities";

export interface HeadingMatch {
  level: number;
  /** The heading's id attribute, decoded, or null. */
  id: string | null;
  /** What the heading says, as plain text. */
  text: string;
  /** Where the opening tag's name ends (`<h2|`): new attributes go here. */
  nameEnd: number;
  /** Where the closing tag starts (`|</h2>`). */
  closeStart: number;
}

const SKIP = /<(pre|code|script|style|textarea|template)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;
const HEADING = /<h([1-6])((?:\s[^>]*)?)>([\s\S]*?)<\/h\1\s*>/gi;
const ID = /(?:^|\s)id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;

export function scanHeadings(html: string): HeadingMatch[] {
  const skipped: Array<[number, number]> = [];
  for (const m of html.matchAll(SKIP)) skipped.push([m.index, m.index + m[0].length]);
  const inSkipped = (at: number) => skipped.some(([from, to]) => at >= from && at < to);
  const found: HeadingMatch[] = [];
  for (const m of html.matchAll(HEADING)) {
    if (inSkipped(m.index)) continue;
    const attrs = m[2] ?? "";
    const idMatch = ID.exec(attrs);
    const id = idMatch ? decodeHTML(idMatch[1] ?? idMatch[2] ?? idMatch[3] ?? "") : null;
    const inner = m[3] ?? "";
    found.push({
      level: Number(m[1]),
      id,
      text: plainText(inner),
      nameEnd: m.index + 3,
      closeStart: m.index + m[0].length - (/<\/h[1-6]\s*>$/i.exec(m[0])?.[0].length ?? 5),
    });
  }
  return found;
}

/** Every id already in a piece of HTML. */
export function idsIn(html: string): Set<string> {
  const ids = new Set<string>();
  for (const m of html.matchAll(/<[A-Za-z][^<>]*?\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g)) {
    ids.add(decodeHTML(m[1] ?? m[2] ?? m[3] ?? ""));
  }
  return ids;
}

// A footnote's number is not part of what the heading says: "Configure[^1]" is the section "Configure".
const FOOTNOTE_REF = /<sup>\s*<a\b[^>]*\bdata-footnote-ref\b[^>]*>[\s\S]*?<\/a>\s*<\/sup>/gi;

function plainText(inner: string): string {
  return decodeHTML(inner.replace(FOOTNOTE_REF, "").replace(/<[^>]*>/g, ""))
    .replace(/\s+/g, " ")
    .trim();
}
