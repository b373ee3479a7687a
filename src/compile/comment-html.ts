/**
 * A comment as WordPress showed it: the HTML its kses filter lets commenters use (`$allowedtags` in
 * wp-includes/kses.php: a with href and title, abbr and acronym with title, b, blockquote and q with
 * cite, cite, code, del with datetime, em, i, s, strike, strong), links marked `rel="nofollow ugc"`
 * (wp_rel_ugc), bare web addresses made links (make_clickable), paragraphs and line breaks from blank
 * lines and newlines (wpautop). Any other tag is dropped and its text kept as text; scripts, styles
 * and the like go whole; attributes not on the list (onclick, style) and addresses of other schemes
 * (javascript:, data:) never pass. Worked out at publish time with a real HTML parser (parse5).
 */
import { type DefaultTreeAdapterMap, parseFragment } from "parse5";
import { HIDDEN_ELEMENTS } from "./hidden-elements.ts";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

/** Allowed element → its allowed attributes, and the name it is written with (HTML5 has no acronym or strike). */
const ALLOWED: Record<string, { attrs: readonly string[]; as?: string }> = {
  a: { attrs: ["href", "title"] }, // href first: a link without one gets no rel
  abbr: { attrs: ["title"] },
  acronym: { attrs: ["title"], as: "abbr" },
  b: { attrs: [] },
  blockquote: { attrs: ["cite"] },
  cite: { attrs: [] },
  code: { attrs: [] },
  del: { attrs: ["datetime"] },
  em: { attrs: [] },
  i: { attrs: [] },
  q: { attrs: ["cite"] },
  s: { attrs: [] },
  strike: { attrs: [], as: "s" },
  strong: { attrs: [] },
};

/** Attributes holding an address: only those of the schemes below (or none, a relative address) are kept. */
const URL_ATTRS = new Set(["href", "cite"]);
const SCHEMES = new Set(["http", "https", "mailto", "ftp", "ftps", "tel", "news", "irc", "xmpp", "webcal", "feed", "urn", "sms"]);

/** Elements that start a new paragraph when dropped (their text stays, in a paragraph of its own). */
const BLOCK = new Set([
  "p",
  "div",
  "li",
  "ul",
  "ol",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "pre",
  "table",
  "tr",
  "td",
  "th",
  "thead",
  "tbody",
  "tfoot",
  "caption",
  "figure",
  "figcaption",
  "section",
  "article",
  "aside",
  "header",
  "footer",
  "nav",
  "address",
  "hr",
  "dl",
  "dt",
  "dd",
  "details",
  "summary",
  "fieldset",
  "form",
  "center",
]);

const BARE_URL = /\bhttps?:\/\/[^\s<>"]+/gi;

/** The comment's HTML, safe to insert as it is. */
export function commentHtml(content: string): string {
  return flow(parseFragment(content.replace(/\r\n?/g, "\n")).childNodes);
}

/** Block content: paragraphs of inline runs, blockquotes between them. */
function flow(nodes: readonly Node[]): string {
  let out = "";
  let run = "";
  const flush = () => {
    out += paragraphs(run);
    run = "";
  };
  const visit = (list: readonly Node[]) => {
    for (const node of list) {
      if (node.nodeName === "#text") run += textHtml((node as DefaultTreeAdapterMap["textNode"]).value, true);
      else if (!("tagName" in node)) continue;
      else if (HIDDEN_ELEMENTS.has(node.tagName)) continue;
      else if (node.tagName === "blockquote") {
        flush();
        out += `<blockquote${attributes(node)}>${flow(node.childNodes)}</blockquote>`;
      } else if (node.tagName === "br") run += "\n";
      else if (BLOCK.has(node.tagName)) {
        flush();
        visit(node.childNodes);
        flush();
      } else run += inline(node);
    }
  };
  visit(nodes);
  flush();
  return out;
}

/** An inline element: kept when allowed, else only its content; line breaks inside it are `<br>`. */
function inline(node: Element): string {
  if (HIDDEN_ELEMENTS.has(node.tagName)) return "";
  let inner = "";
  for (const child of node.childNodes) {
    if (child.nodeName === "#text") inner += textHtml((child as DefaultTreeAdapterMap["textNode"]).value, node.tagName !== "a");
    else if ("tagName" in child) inner += child.tagName === "br" ? "\n" : inline(child);
  }
  inner = inner.replace(/[ \t]*\n[ \t]*/g, "<br>");
  const allowed = ALLOWED[node.tagName];
  if (allowed === undefined || node.tagName === "blockquote") return inner;
  const name = allowed.as ?? node.tagName;
  const attrs = attributes(node);
  // wp_rel_ugc: every link in a comment says it is the commenter's, not the blog's (a link with no address, none).
  const rel = node.tagName === "a" && attrs.startsWith(" href=") ? ' rel="nofollow ugc"' : "";
  return `<${name}${attrs}${rel}>${inner}</${name}>`;
}

function attributes(node: Element): string {
  const allowed = ALLOWED[node.tagName]?.attrs ?? [];
  let out = "";
  for (const name of allowed) {
    const value = node.attrs.find((a) => a.name === name)?.value;
    if (value === undefined) continue;
    let kept = value.trim();
    if (URL_ATTRS.has(name)) {
      if (!safeUrl(kept)) continue;
      kept = encodeUrl(kept);
    } else if (name === "datetime" && !DATETIME.test(kept)) continue;
    out += ` ${name}="${escapeAttr(kept)}"`;
  }
  return out;
}

/** A date or date and time as HTML's datetime attribute takes it; anything else is left out. */
const DATETIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** An address with what may not stand in one (spaces, a lone `%`, non-ASCII letters) percent-encoded. */
function encodeUrl(url: string): string {
  return url.replace(/%(?![0-9a-f]{2})|[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/giu, (ch) => encodeURIComponent(ch));
}

/** A relative address, or one of an allowed scheme (control characters and spaces do not hide `javascript:`). */
function safeUrl(value: string): boolean {
  // Browsers ignore control characters and spaces inside a scheme (`java\tscript:`); so must the check.
  const bare = value.replace(/[\u0000-\u0020\u007f]/g, "");
  const scheme = /^([^:/?#]*):/.exec(bare)?.[1];
  return scheme === undefined || SCHEMES.has(scheme.toLowerCase());
}

/** Text escaped; bare web addresses made links, as make_clickable does (not inside a link). */
function textHtml(text: string, clickable: boolean): string {
  if (!clickable) return escapeText(text);
  let out = "";
  let at = 0;
  for (const m of text.matchAll(BARE_URL)) {
    // Punctuation ending a sentence is not part of the address.
    const url = m[0].replace(/[.,;:!?)\]'*]+$/, "");
    const start = m.index ?? 0;
    out += `${escapeText(text.slice(at, start))}<a href="${escapeAttr(encodeUrl(url))}" rel="nofollow ugc">${escapeText(url)}</a>`;
    at = start + url.length;
  }
  return out + escapeText(text.slice(at));
}

/** wpautop for an inline run: blank lines end paragraphs, single newlines are line breaks. */
function paragraphs(run: string): string {
  return run
    .split(/[ \t]*\n(?:[ \t]*\n)+/)
    .map((p) => p.trim().replace(/[ \t]*\n[ \t]*/g, "<br>"))
    .filter((p) => p.replace(/<br>/g, "").trim() !== "")
    .map((p) => `<p>${p}</p>`)
    .join("");
}

function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;");
}
