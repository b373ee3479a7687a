/**
 * The link beside each heading of a post's page (`#`, shown when the reader points at the heading or
 * tabs to the link) that carries the section's address, to copy or share. Added to the page's copy of
 * the body only: feeds and excerpts keep the headings as they are.
 */
import { escapeHtml } from "../shortcodes/escape.ts";
import { type HeadingMatch, scanHeadings } from "./scan.ts";

/** The id of the footnotes' own (hidden) heading, which gets no link and no place in the contents. */
export const FOOTNOTES_HEADING_ID = "footnote-label";

/** The body's headings that are sections of the post: each has an id, and none is the footnotes' heading. */
export function sectionHeadings(html: string): Array<HeadingMatch & { id: string }> {
  return scanHeadings(html).filter((h): h is HeadingMatch & { id: string } => h.id !== null && h.id !== FOOTNOTES_HEADING_ID);
}

export function withHeadingLinks(html: string): string {
  let out = "";
  let last = 0;
  for (const heading of sectionHeadings(html)) {
    const href = `#${escapeHtml(heading.id)}`;
    // The name says which section, so a list of the page's links stays readable (WCAG 2.4.4).
    const label = escapeHtml(`Link to section: ${heading.text}`);
    out += `${html.slice(last, heading.closeStart)}<a class="anchor" href="${href}" aria-label="${label}">#</a>`;
    last = heading.closeStart;
  }
  return out + html.slice(last);
}
