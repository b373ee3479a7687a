/**
 * GitHub's footnotes (`text[^1]` and `[^1]: the note`) through marked-footnote: each reference links
 * to its note and each note links back to every reference, numbered in reading order, under a
 * heading screen readers announce ("Footnotes") and sighted readers do not need. A page the site's own
 * theme draws gets kramdown's markup instead (kramdown-footnotes.ts), from the same tokens.
 */
import type { MarkedExtension, RendererExtension, TokenizerAndRendererExtension, TokenizerExtension } from "marked";
import markedFootnote, { type FootnoteRef, type Footnotes } from "marked-footnote";
import { kramdownFootnoteRef, kramdownFootnotes } from "./kramdown-footnotes.ts";
import { renderDataOf } from "./render-data.ts";

/** The class of the notes' heading: the theme's visually hidden text (the built-in theme's styles.css). */
const HIDDEN = "skip";

export function footnotes(): MarkedExtension {
  const extension = markedFootnote({ description: "Footnotes", headingClass: HIDDEN });
  if (extension.extensions) extension.extensions = extension.extensions.map(adapt);
  return extension;
}

function adapt(ext: TokenizerAndRendererExtension): TokenizerAndRendererExtension {
  if (ext.name === "footnoteRef" && "tokenizer" in ext) {
    // marked-footnote reads the note list from the first token of the lexer it runs in. Text lexed on
    // its own (a shortcode's caption, through Lexer.lexInline) has no such list: a `[^1]` there stays text.
    const inner = ext as TokenizerExtension;
    return {
      ...ext,
      tokenizer(src, tokens) {
        return this.lexer.tokens[0]?.type === "footnotes" ? inner.tokenizer.call(this, src, tokens) : undefined;
      },
      renderer(token) {
        // marked-footnote's renderer also resets its numbering for the next page: it runs either way.
        const html = (ext as RendererExtension).renderer.call(this, token);
        return renderDataOf(this.parser.options).kramdown ? kramdownFootnoteRef(token as FootnoteRef) : html;
      },
    } as TokenizerAndRendererExtension;
  }
  if (ext.name === "footnotes" && "renderer" in ext) {
    const inner = ext as RendererExtension;
    return {
      ...ext,
      renderer(token) {
        if (renderDataOf(this.parser.options).kramdown) {
          return kramdownFootnotes((token as Footnotes).items, (note) => this.parser.parse(note.content));
        }
        const html = inner.renderer.call(this, token);
        return typeof html === "string" ? numberBackLinks(html) : html;
      },
    } as TokenizerAndRendererExtension;
  }
  return ext;
}

/**
 * Names each "back to the text" link after the number the reader saw, as GitHub does ("Back to
 * reference 2", then "2-2" for the note's second reference), rather than the label the author wrote
 * (`[^edge]`), so screen reader users hear the same number and no two links share a name.
 */
function numberBackLinks(section: string): string {
  // Each note is an `<li id=…>`; lists inside a note have no ids, so a note runs to the next one.
  const [head = "", ...notes] = section.split(/(?=<li id=")/);
  const numbered = notes.map((item, i) => {
    let use = 0;
    return item.replace(/ aria-label="Back to reference [^"]*"/g, () => {
      use++;
      return ` aria-label="Back to reference ${i + 1}${use > 1 ? `-${use}` : ""}"`;
    });
  });
  return head + numbered.join("");
}
