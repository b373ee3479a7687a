/**
 * Gives every heading of a post an id, so each section has an address to link to. Headings that
 * already have one (raw HTML from WordPress) keep it; the others get a slug of their text that no
 * other element of the page uses (see model/page-ids.ts), numbered when two headings say the same.
 */
import { RESERVED_IDS } from "../../model/page-ids.ts";
import { escapeHtml } from "../shortcodes/escape.ts";
import { idsIn, scanHeadings } from "./scan.ts";
import { uniqueSlug } from "./slug.ts";

export function headingIds(html: string): string {
  const headings = scanHeadings(html).filter((h) => h.id === null);
  if (headings.length === 0) return html;
  const taken = new Set([...RESERVED_IDS, ...idsIn(html)]);
  let out = "";
  let last = 0;
  for (const heading of headings) {
    out += `${html.slice(last, heading.nameEnd)} id="${escapeHtml(uniqueSlug(heading.text, taken))}"`;
    last = heading.nameEnd;
  }
  return out + html.slice(last);
}
