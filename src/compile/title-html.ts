/**
 * A title's markup, for the headings that show it. WordPress titles are HTML (the Theme Unit Test's
 * "Markup: Title <em>With</em> <b>Mark<sup>up</sup></b>"); its themes print them as such in headings
 * and strip the tags for the document's `<title>` and feeds. The import keeps such a title as
 * `title_html:` beside its plain `title:`. Only inline phrasing tags pass, without attributes (a
 * heading that is itself a link in lists holds no other link); any other tag gives way to its text,
 * and scripts and the like go whole. Worked out at publish time with parse5.
 */
import { type DefaultTreeAdapterMap, parseFragment } from "parse5";
import { HIDDEN_ELEMENTS } from "./hidden-elements.ts";

type Node = DefaultTreeAdapterMap["node"];

const INLINE = new Set([
  "abbr",
  "b",
  "bdi",
  "cite",
  "code",
  "del",
  "dfn",
  "em",
  "i",
  "ins",
  "kbd",
  "mark",
  "q",
  "s",
  "samp",
  "small",
  "strong",
  "sub",
  "sup",
  "u",
  "var",
]);

/** The title's HTML with only safe inline tags, or null when it has none (the plain title says it all). */
export function titleHtml(value: unknown): string | null {
  if (typeof value !== "string" || !/<[a-z]/i.test(value)) return null;
  const out = parseFragment(value).childNodes.map(inline).join("").replace(/\s+/g, " ").trim();
  return /<[a-z]/.test(out) ? out : null;
}

function inline(node: Node): string {
  if (node.nodeName === "#text") return escapeText((node as DefaultTreeAdapterMap["textNode"]).value);
  if (!("tagName" in node) || HIDDEN_ELEMENTS.has(node.tagName)) return "";
  const inner = node.childNodes.map(inline).join("");
  return INLINE.has(node.tagName) ? `<${node.tagName}>${inner}</${node.tagName}>` : node.tagName === "br" ? " " : inner;
}

function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
