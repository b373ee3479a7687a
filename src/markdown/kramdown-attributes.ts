/**
 * kramdown's inline attribute lists, as Jekyll's Markdown applies them: `{: .class #id key="value"}`
 * on the line after a block (paragraph, heading, list, table, code block) gives that block's element
 * the attributes, on a line of its own before a block gives them to the block after it, and right
 * after a span (`[link](url){: .external}`, `*word*{: .mark}`, an image) gives them to that span.
 * Classes are added to the element's own, an id or another key replaces its value. kramdown's
 * extensions `{::options … /}` (settings for kramdown itself) are removed, and `{::comment}…{:/comment}`
 * becomes an HTML comment, as kramdown writes it; attribute list definitions (`{:name: .class}`) are
 * removed. A list marked `{:toc}` becomes kramdown's table of contents (`<ul id="markdown-toc">`, the
 * headings below without class `no_toc`, nested by level). Syntax: kramdown's documentation,
 * "Inline Attribute Lists", "Extensions" and "Automatic 'Table of Contents' Generation".
 *
 * The lists become markers (HTML comments) before marked reads the text, and are applied to the
 * element before (or after) each marker once the HTML is written.
 */
import type { MarkedExtension, Token, Tokens, TokensList } from "marked";
import { escapeHtml } from "./shortcodes/escape.ts";

const BLOCK_IAL = /^ {0,3}\{:(?!:)\s*((?:[^}"']|"[^"]*"|'[^']*')*?)\s*\}\s*$/;
const DEFINITION = /^ {0,3}\{:[\w-]+:[^}]*\}\s*$/;
const OPTIONS = /^ {0,3}\{::options\b[^}]*\/\}\s*$/;
const COMMENT_OPEN = /^ {0,3}\{::comment\}/;
const COMMENT_CLOSE = /\{:\/(?:comment)?\}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const MARKER = /<!--ial(-next)?:([^>]*?)-->\n?/g;

/** The tokens kramdown's span elements become (an `html` token is a raw tag such as `</span>`). */
const SPANS = new Set(["link", "image", "em", "strong", "codespan", "del", "html"]);

interface IalToken extends Tokens.Generic {
  type: "kramdownIal";
  raw: string;
  attributes: string;
}

export function kramdownAttributes(): MarkedExtension {
  return {
    hooks: { preprocess: markBlocks, processAllTokens: codeLanguages, postprocess: applyMarkers },
    extensions: [
      {
        name: "kramdownIal",
        level: "inline",
        start: (src) => {
          const at = src.indexOf("{:");
          return at === -1 ? undefined : at;
        },
        tokenizer(src, tokens): IalToken | undefined {
          // Only right after a span element: after text (`with {: braces}`) it is text, as in kramdown.
          if (!SPANS.has(tokens.at(-1)?.type ?? "")) return undefined;
          const m = /^\{:(?![:\w-]*:)\s*((?:[^}"'\n]|"[^"\n]*"|'[^'\n]*')*?)\s*\}/.exec(src);
          return m === null ? undefined : { type: "kramdownIal", raw: m[0], attributes: m[1] ?? "" };
        },
        renderer: (token) => marker((token as IalToken).attributes, false),
      },
    ],
  };
}

/**
 * A code block's list naming its language (`{: .language-ruby}` under an indented block, kramdown's
 * way to name one) names the language the block is highlighted in, and the class is not added again:
 * kramdown takes the first `language-` class of the block's own (a fence's info string) and its list's
 * as the language, and writes the frame's class for it (converter/html.rb, extract_code_language!).
 */
function codeLanguages(tokens: Token[] | TokensList): Token[] | TokensList {
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    if (token.type === "code" && next?.type === "html") {
      const m = /^<!--ial:([^>]*?)-->(\s*)$/.exec(next.raw);
      const list = decodeURIComponent(m?.[1] ?? "");
      const language = /(?:^|\s)\.language-(\S+?)(?=[\s.#]|$)/.exec(list);
      if (m !== null && language !== null) {
        const code = token as Tokens.Code;
        if ((code.lang ?? "").trim() === "") code.lang = language[1] ?? "";
        const rest = list.replace(language[0], " ").trim();
        next.raw = `${rest === "" ? "" : marker(rest, false)}${m[2] ?? ""}`;
        (next as Tokens.HTML).text = next.raw;
      }
    }
    for (const inner of childTokens(token)) codeLanguages(inner);
  });
  return tokens;
}

function childTokens(token: Token): Token[][] {
  const lists: Token[][] = [];
  if ("tokens" in token && Array.isArray(token.tokens)) lists.push(token.tokens);
  if (token.type === "list") for (const item of (token as Tokens.List).items) lists.push(item.tokens);
  return lists;
}

function marker(attributes: string, next: boolean): string {
  return `<!--ial${next ? "-next" : ""}:${encodeURIComponent(attributes)}-->`;
}

/** Block lists and extensions as markers, outside fenced code. */
function markBlocks(source: string): string {
  if (!source.includes("{:")) return source;
  const lines = source.split("\n");
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const opened = FENCE.exec(line)?.[1];
    if (fence !== null) {
      if (opened !== undefined && opened[0] === fence[0] && opened.length >= fence.length && line.trim() === opened) fence = null;
      continue;
    }
    if (opened !== undefined) {
      fence = opened;
      continue;
    }
    if (COMMENT_OPEN.test(line)) {
      const end = lines.findIndex((l, j) => j >= i && COMMENT_CLOSE.test(l));
      if (end !== -1) {
        const inner = lines
          .slice(i, end + 1)
          .join("\n")
          .replace(COMMENT_OPEN, "")
          .replace(COMMENT_CLOSE, "");
        lines.splice(i, end - i + 1, `<!-- ${inner.trim()} -->`);
        continue;
      }
    }
    if (OPTIONS.test(line) || DEFINITION.test(line)) {
      lines[i] = "";
      continue;
    }
    const ial = BLOCK_IAL.exec(line);
    if (ial === null) continue;
    // Right under a block it is that block's; after a blank line, the next block's.
    const after = i > 0 && (lines[i - 1] ?? "").trim() !== "";
    lines[i] = marker(ial[1] ?? "", !after);
  }
  return lines.join("\n");
}

const TOC_PLACE = "<!--kramdown-toc-->";

function applyMarkers(html: string): string {
  if (!html.includes("<!--ial")) return html;
  let out = html;
  for (let m = firstMarker(out); m !== null; m = firstMarker(out)) {
    const attributes = decodeURIComponent(m[2] ?? "");
    const start = m.index;
    const end = start + m[0].length;
    const rest = out.slice(0, start) + out.slice(end);
    if (m[1] === undefined && /(?:^|\s)toc(?:\s|$)/.test(attributes)) out = listToPlace(rest, start);
    else out = m[1] === undefined ? onElementBefore(rest, start, attributes) : onElementAfter(rest, start, attributes);
  }
  // Written last, once every heading has the classes its own list gave it (`no_toc`).
  return out.includes(TOC_PLACE) ? out.replace(TOC_PLACE, tableOfContents(out)) : out;
}

/** The list (`* TOC`) that ends right before `at` gives its place to the table of contents. */
function listToPlace(html: string, at: number): string {
  const before = html.slice(0, at).replace(/\s+$/, "");
  const close = /<\/(ul|ol)\s*>$/.exec(before);
  const opener = close === null ? null : openerOf(before, close.index, close[1] ?? "");
  if (opener === null) return html;
  return html.slice(0, opener) + TOC_PLACE + html.slice(before.length);
}

interface TocEntry {
  level: number;
  id: string;
  html: string;
  children: TocEntry[];
}

/** kramdown's `markdown-toc`: each heading with an id and without class `no_toc`, nested under the one above it. */
function tableOfContents(html: string): string {
  const root: TocEntry[] = [];
  const open: TocEntry[] = [];
  for (const h of html.matchAll(/<h([1-6])\b([^>]*)>([\s\S]*?)<\/h\1>/gi)) {
    const attrs = h[2] ?? "";
    const id = /\sid="([^"]*)"/.exec(attrs)?.[1];
    if (id === undefined || /\sclass="(?:[^"]*\s)?no_toc(?:\s[^"]*)?"/.test(attrs)) continue;
    const entry: TocEntry = { level: Number(h[1]), id, html: (h[3] ?? "").replace(/<\/?a\b[^>]*>/gi, ""), children: [] };
    while ((open.at(-1)?.level ?? 0) >= entry.level) open.pop();
    (open.at(-1)?.children ?? root).push(entry);
    open.push(entry);
  }
  return tocList(root, ' id="markdown-toc"');
}

function tocList(entries: readonly TocEntry[], attrs: string): string {
  const items = entries.map(
    (e) =>
      `<li><a href="#${e.id}" id="markdown-toc-${e.id}">${e.html}</a>${e.children.length > 0 ? `\n${tocList(e.children, "")}\n` : ""}</li>\n`,
  );
  return `<ul${attrs}>\n${items.join("")}</ul>`;
}

function firstMarker(html: string): RegExpExecArray | null {
  MARKER.lastIndex = 0;
  return MARKER.exec(html);
}

/** Gives the element that ends right before `at` (only white space between) the attributes. */
function onElementBefore(html: string, at: number, attributes: string): string {
  const before = html.slice(0, at).replace(/\s+$/, "");
  const voidTag = /<(img|br|hr|input)\b[^>]*>$/i.exec(before);
  if (voidTag !== null) return withAttributes(html, voidTag.index, attributes);
  const close = /<\/([A-Za-z][\w-]*)\s*>$/.exec(before);
  if (close === null) return html;
  const opener = openerOf(before, close.index, close[1] ?? "");
  return opener === null ? html : withAttributes(html, opener, attributes);
}

/** Gives the first element starting at or after `at` the attributes. */
function onElementAfter(html: string, at: number, attributes: string): string {
  const next = /<[A-Za-z]/.exec(html.slice(at));
  return next === null ? html : withAttributes(html, at + next.index, attributes);
}

/** Where the element closed at `closeAt` opens: the tags of its name before, counted back. */
function openerOf(html: string, closeAt: number, name: string): number | null {
  const tags = [...html.slice(0, closeAt).matchAll(new RegExp(`<(/?)${name}(?=[\\s>/])[^>]*>`, "gi"))];
  let depth = 0;
  for (let i = tags.length - 1; i >= 0; i--) {
    const tag = tags[i];
    if (tag === undefined) continue;
    if (tag[1] === "/") depth++;
    else if (depth === 0) return tag.index;
    else depth--;
  }
  return null;
}

/** The end of a code block's frame as kramdown writes it with Rouge (`language-ruby highlighter-rouge`). */
const ROUGE_FRAME = / highlighter-rouge$/;
const ATTRIBUTE = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const LIST_ITEM = /\.([^\s.#]+)|#([^\s.#]+)|([\w:-]+)=(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(\S+))/g;

/** The opening tag at `at` with the list's attributes: classes added, other keys set, in the list's order. */
function withAttributes(html: string, at: number, list: string): string {
  const tag = /^<([A-Za-z][\w-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/.exec(html.slice(at));
  if (tag === null) return html;
  // Values as HTML: the element's own are written already, the list's are escaped here.
  const attrs = new Map<string, string>();
  for (const a of (tag[2] ?? "").matchAll(ATTRIBUTE)) attrs.set(a[1] ?? "", a[2] ?? a[3] ?? (a[4] === undefined ? "" : escapeHtml(a[4])));
  for (const item of list.matchAll(LIST_ITEM)) {
    if (item[1] !== undefined) {
      const had = attrs.get("class");
      const added = escapeHtml(item[1]);
      // kramdown writes a Rouge frame's class last, after the list's (add_syntax_highlighter_to_class_attr).
      if (had !== undefined && ROUGE_FRAME.test(had)) attrs.set("class", had.replace(ROUGE_FRAME, ` ${added}$&`));
      else attrs.set("class", had === undefined || had === "" ? added : `${had} ${added}`);
    } else if (item[2] !== undefined) attrs.set("id", escapeHtml(item[2]));
    else if (item[3] !== undefined) attrs.set(item[3], escapeHtml((item[4] ?? item[5] ?? item[6] ?? "").replace(/\\(.)/g, "$1")));
  }
  const written = [...attrs].map(([k, v]) => ` ${k}="${v}"`).join("");
  const self = tag[3] === "/" ? " /" : "";
  return `${html.slice(0, at)}<${tag[1]}${written}${self}>${html.slice(at + tag[0].length)}`;
}
