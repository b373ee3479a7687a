/**
 * Footnotes as Jekyll's kramdown writes them (kramdown 2.4, converter/html.rb `convert_footnote` and
 * `footnote_content`), for a page the site's own theme draws: its stylesheet targets kramdown's
 * `sup[role=doc-noteref]`, `.footnotes` and `.reversefootnote`, not GitHub's markup. Notes are numbered
 * by first reference, as marked-footnote numbers them; the second reference of a note is `fnref:x:1`.
 */
import type { Footnote, FootnoteRef } from "marked-footnote";

/** The text of each "back to the text" link: kramdown's `footnote_backlink` default, `&#8617;` (↩). */
const BACK = "&#8617;";
/**
 * The space before a back link: kramdown writes `&nbsp;`, and Jekyll's `entity_output: as_char` turns it
 * into the character itself, so the page holds U+00A0, not the entity.
 */
const NBSP = "\u00a0";

/** A reference in the text: `<sup id="fnref:x">` links to the note, the number the reader sees. */
export function kramdownFootnoteRef(ref: FootnoteRef): string {
  const name = encodeURIComponent(ref.label);
  const repeat = ref.index > 0 ? `:${ref.index}` : "";
  return `<sup id="fnref:${name}${repeat}" role="doc-noteref"><a href="#fn:${name}" class="footnote" rel="footnote">${ref.id}</a></sup>`;
}

/**
 * The notes at the end of the page. `renderNote` turns a note's blocks into HTML. A note that ends in a
 * paragraph takes its back links at the paragraph's end; any other note gets a paragraph of its own.
 */
export function kramdownFootnotes(notes: readonly Footnote[], renderNote: (note: Footnote) => string): string {
  if (notes.length === 0) return "";
  const items = notes.map((note) => {
    const name = encodeURIComponent(note.label);
    const body = renderNote(note).trimEnd();
    const links = note.refs.map((_, i) => backLink(name, i)).join(NBSP);
    const withLinks = body.endsWith("</p>") ? `${body.slice(0, -"</p>".length)}${NBSP}${links}</p>` : `${body}\n      <p>${links}</p>`;
    return `    <li id="fn:${name}" role="doc-endnote">\n      ${withLinks}\n    </li>\n`;
  });
  return `<div class="footnotes" role="doc-endnotes">\n  <ol>\n${items.join("")}  </ol>\n</div>\n`;
}

/** The link back to a note's reference `i` (from 0); from the second on, it shows which (`↩<sup>2</sup>`). */
function backLink(name: string, i: number): string {
  const target = i === 0 ? name : `${name}:${i}`;
  const text = i === 0 ? BACK : `${BACK}<sup>${i + 1}</sup>`;
  return `<a href="#fnref:${target}" class="reversefootnote" role="doc-backlink">${text}</a>`;
}
