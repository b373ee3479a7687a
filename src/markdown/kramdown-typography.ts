/**
 * kramdown's typographic symbols and smart quotes, which Jekyll's Markdown always applies to text
 * (kramdown's documentation, "Typographic Symbols" and "Smart Quotes"): `---` is an em dash, `--` an
 * en dash, `...` an ellipsis, `<<` and `>>` guillemets, and straight quotes become curly ones, opening
 * after a space, an opening bracket or a dash and closing after anything else (`it's` → `it’s`,
 * `'80s` → `’80s`). Code, raw HTML and addresses are left as written. Only for pages written as Jekyll
 * writes them (render-data.ts `kramdown`), in the token tree before HTML is written, so a quote
 * before emphasis (`"*word*"`) knows what came before it.
 */
import type { Token, Tokens } from "marked";
import type { Footnotes } from "marked-footnote";

interface Context {
  /** The last character of text seen in this block ("" at its start). */
  prev: string;
}

/** Applies kramdown's typography to the text of every block in the tree. */
export function kramdownTypography(tokens: Token[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case "code":
      case "html":
      case "space":
      case "hr":
        break;
      case "table": {
        const table = token as Tokens.Table;
        for (const cell of [...table.header, ...table.rows.flat()]) inline(cell.tokens, { prev: "" });
        break;
      }
      case "list":
        for (const item of (token as Tokens.List).items) kramdownTypography(item.tokens);
        break;
      case "footnotes":
        // A note's blocks hang off marked-footnote's token, not its `tokens`: kramdown types them as any text.
        for (const note of (token as unknown as Footnotes).rawItems) kramdownTypography(note.content);
        break;
      case "paragraph":
      case "heading":
      case "text":
        if ("tokens" in token && token.tokens !== undefined) inline(token.tokens, { prev: "" });
        break;
      default:
        if ("tokens" in token && Array.isArray(token.tokens)) kramdownTypography(token.tokens as Token[]);
    }
  }
}

function inline(tokens: Token[], context: Context): void {
  for (const token of tokens) {
    switch (token.type) {
      case "text": {
        const text = token as Tokens.Text;
        if (text.tokens !== undefined) inline(text.tokens, context);
        else if (!text.escaped) text.text = smarten(text.text, context);
        break;
      }
      case "link":
        // An address written as the link's text (`<https://a--b.example>`) stays as written.
        if ((token as Tokens.Link & { autolink?: boolean }).autolink) context.prev = "x";
        else inline((token as Tokens.Link).tokens, context);
        break;
      case "em":
      case "strong":
      case "del":
        inline((token as Tokens.Em).tokens, context);
        break;
      case "br":
        context.prev = " ";
        break;
      case "escape":
        context.prev = (token as Tokens.Escape).text;
        break;
      case "html":
        // A tag is not text: the quote after `<span>` sees what came before it.
        break;
      default:
        context.prev = "x";
    }
  }
}

const SYMBOLS: ReadonlyArray<[RegExp, string]> = [
  [/---/g, "\u2014"],
  [/--/g, "\u2013"],
  [/\.\.\./g, "\u2026"],
  [/<< /g, "\u00ab\u00a0"],
  [/ >>/g, "\u00a0\u00bb"],
  [/<</g, "\u00ab"],
  [/>>/g, "\u00bb"],
];
/** After these (or at the start), a quote opens. */
const OPENS_AFTER = /^$|[\s([{\u2014\u2013\u201c\u2018-]/;

function smarten(text: string, context: Context): string {
  let out = text;
  for (const [pattern, symbol] of SYMBOLS) out = out.replace(pattern, symbol);
  let result = "";
  for (let i = 0; i < out.length; i++) {
    const ch = out[i] ?? "";
    const prev = i === 0 ? context.prev : (result.at(-1) ?? "");
    if (ch === "'" && /^\d\ds/.test(out.slice(i + 1))) result += "\u2019";
    else if (ch === '"' || ch === "'") {
      const opening = OPENS_AFTER.test(prev) && /\S/.test(out[i + 1] ?? "x");
      result += ch === '"' ? (opening ? "\u201c" : "\u201d") : opening ? "\u2018" : "\u2019";
    } else result += ch;
  }
  if (result !== "") context.prev = result.at(-1) ?? context.prev;
  return result;
}
