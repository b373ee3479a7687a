/**
 * WordPress's paragraph formatting of classic (pre-block-editor) content, reimplemented from the
 * documented behaviour of `wpautop()` and `shortcode_unautop()` in wp-includes/formatting.php:
 * blank lines make paragraphs, single newlines make `<br />`, block-level elements are never wrapped
 * in `<p>`, and `<pre>`, `<script>`, `<style>`, `<svg>` and the insides of tags keep their newlines.
 * WordPress runs this on every classic post when it is shown; the export holds the text before it.
 */

/** The elements wpautop treats as blocks: never wrapped in a paragraph, and a paragraph ends at them. */
const BLOCKS =
  "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)";

const NEWLINE_MARK = " <!-- wpnl --> ";
const KEEP_NEWLINE = "<WPPreserveNewline />";

/**
 * Tags and comments, as WordPress's wp_html_split() finds them: a comment runs to `-->` (or the end),
 * anything else from `<` to the next `>`.
 */
const HTML_PIECE = /(<(?:!--(?:-(?!->)|[^-])*(?:-->)?|!\[CDATA\[[\s\S]*?(?:\]\]>|$)|[^>]*>?))/;

export function wpautop(input: string, br = true): string {
  if (input.trim() === "") return "";
  let text = `${input}\n`;

  // `<pre>` blocks are set aside whole and put back at the end.
  const pres = new Map<string, string>();
  if (text.includes("<pre")) {
    const parts = text.split("</pre>");
    const last = parts.pop() ?? "";
    text = "";
    for (const part of parts) {
      const start = part.indexOf("<pre");
      if (start < 0) {
        text += part;
        continue;
      }
      const name = `<pre wp-pre-tag-${pres.size}></pre>`;
      pres.set(name, `${part.slice(start)}</pre>`);
      text += part.slice(0, start) + name;
    }
    text += last;
  }

  text = text.replace(/<br\s*\/?>\s*<br\s*\/?>/g, "\n\n");
  text = text.replace(new RegExp(`(<${BLOCKS}[\\s/>])`, "g"), "\n\n$1");
  text = text.replace(new RegExp(`(</${BLOCKS}>)`, "g"), "$1\n\n");
  text = text.replace(/(<hr\s*?\/?>)/g, "$1\n\n");
  text = text.replace(/\r\n|\r/g, "\n");
  text = replaceInTags(text, "\n", NEWLINE_MARK);

  if (text.includes("<option")) {
    text = text.replace(/\s*<option/g, "<option").replace(/<\/option>\s*/g, "</option>");
  }
  if (text.includes("</object>")) {
    text = text
      .replace(/(<object[^>]*>)\s*/g, "$1")
      .replace(/\s*<\/object>/g, "</object>")
      .replace(/\s*(<\/?(?:param|embed)[^>]*>)\s*/g, "$1");
  }
  if (text.includes("<source") || text.includes("<track")) {
    text = text
      .replace(/([<[](?:audio|video)[^>\]]*[>\]])\s*/g, "$1")
      .replace(/\s*([<[]\/(?:audio|video)[>\]])/g, "$1")
      .replace(/\s*(<(?:source|track)[^>]*>)\s*/g, "$1");
  }
  if (text.includes("<figcaption")) {
    text = text.replace(/\s*(<figcaption[^>]*>)/g, "$1").replace(/<\/figcaption>\s*/g, "</figcaption>");
  }

  text = text.replace(/\n\n+/g, "\n\n");
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p !== "");
  text = paragraphs.map((p) => `<p>${trimNewlines(p)}</p>\n`).join("");

  text = text.replace(/<p>\s*<\/p>/g, "");
  text = text.replace(/<p>([^<]+)<\/(div|address|form)>/g, "<p>$1</p></$2>");
  text = text.replace(new RegExp(`<p>\\s*(</?${BLOCKS}[^>]*>)\\s*</p>`, "g"), "$1");
  text = text.replace(/<p>(<li.+?)<\/p>/g, "$1");
  text = text.replace(/<p><blockquote([^>]*)>/gi, "<blockquote$1><p>").replaceAll("</blockquote></p>", "</p></blockquote>");
  text = text.replace(new RegExp(`<p>\\s*(</?${BLOCKS}[^>]*>)`, "g"), "$1");
  text = text.replace(new RegExp(`(</?${BLOCKS}[^>]*>)\\s*</p>`, "g"), "$1");

  if (br) {
    text = text.replace(/<(script|style|svg|math)[\s\S]*?<\/\1>/g, (m) => m.replaceAll("\n", KEEP_NEWLINE));
    text = text.replaceAll("<br>", "<br />").replaceAll("<br/>", "<br />");
    text = text.replace(/(?<!<br \/>)\s*\n/g, "<br />\n");
    text = text.replaceAll(KEEP_NEWLINE, "\n");
  }

  text = text.replace(new RegExp(`(</?${BLOCKS}[^>]*>)\\s*<br />`, "g"), "$1");
  text = text.replace(/<br \/>(\s*<\/?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)/g, "$1");
  text = text.replace(/\n<\/p>$/, "</p>");

  for (const [name, pre] of pres) text = text.replace(name, () => pre);
  if (text.includes("<!-- wpnl -->")) text = text.replaceAll(NEWLINE_MARK, "\n").replaceAll("<!-- wpnl -->", "\n");
  return text;
}

/** Replaces `from` inside tags and comments only (WordPress's wp_replace_in_html_tags()). */
function replaceInTags(text: string, from: string, to: string): string {
  const pieces = text.split(HTML_PIECE);
  for (let i = 1; i < pieces.length; i += 2) {
    const piece = pieces[i];
    if (piece?.includes(from)) pieces[i] = piece.replaceAll(from, to);
  }
  return pieces.join("");
}

function trimNewlines(s: string): string {
  return s.replace(/^\n+|\n+$/g, "");
}

/**
 * Takes back the `<p>` wpautop put around a shortcode standing alone on its line, so a `[gallery]`
 * or `[caption]` becomes a block and not a paragraph (WordPress's shortcode_unautop()).
 */
export function shortcodeUnautop(html: string, names: readonly string[]): string {
  if (names.length === 0 || !html.includes("[")) return html;
  const tags = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  const shortcode = `\\[(${tags})(?![\\w-])[^\\]/]*(?:/(?!\\])[^\\]/]*)*?(?:/\\]|\\](?:[^[]*(?:\\[(?!/\\2\\])[^[]*)*\\[/\\2\\])?)`;
  const pattern = new RegExp(`<p>[ \\t\\u00a0]*(${shortcode})[ \\t\\u00a0]*(?:<br />)?\\s*</p>`, "g");
  return html.replace(pattern, "$1");
}
