/**
 * HTML fragments handled with a real HTML parser (parse5, the WHATWG algorithm), at publish time
 * only: closing the tags a cut-off teaser leaves open, and taking the text out for summaries.
 */
import { type DefaultTreeAdapterMap, parseFragment, serialize } from "parse5";

type Node = DefaultTreeAdapterMap["node"];
type ParentNode = DefaultTreeAdapterMap["parentNode"];

/** Elements whose content is never shown as text in a summary. */
const HIDDEN = new Set(["script", "style", "template", "noscript", "iframe", "object", "svg", "math"]);
const BLOCK = new Set([
  "p",
  "div",
  "br",
  "li",
  "ul",
  "ol",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "pre",
  "table",
  "tr",
  "td",
  "th",
  "figure",
  "figcaption",
  "section",
  "article",
  "hr",
  "dd",
  "dt",
]);

/**
 * Re-serialises a fragment so every element is closed: a teaser cut at `<!--more-->` inside a
 * `<p>` must not leave the list page's markup open. Scripts are dropped: a teaser runs nothing.
 */
export function balanceHtml(html: string): string {
  const fragment = parseFragment(html);
  dropElements(fragment, "script");
  return serialize(fragment).trim();
}

/** The visible text of a fragment, entities decoded, white space collapsed. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  walkText(parseFragment(html), out);
  return out.join("").replace(/\s+/g, " ").trim();
}

function walkText(node: ParentNode, out: string[]): void {
  for (const child of node.childNodes) {
    if (child.nodeName === "#text" && "value" in child) {
      out.push(child.value);
    } else if ("tagName" in child) {
      if (HIDDEN.has(child.tagName)) continue;
      const block = BLOCK.has(child.tagName);
      if (block) out.push(" ");
      walkText(child, out);
      if (block) out.push(" ");
    }
  }
}

function dropElements(node: ParentNode, tagName: string): void {
  node.childNodes = node.childNodes.filter((child: Node) => !("tagName" in child && child.tagName === tagName));
  for (const child of node.childNodes) if ("childNodes" in child) dropElements(child as ParentNode, tagName);
}

/** The first `maxWords` words of a text, with an ellipsis when cut (WordPress cuts at 55). */
export function trimWords(text: string, maxWords: number): { text: string; cut: boolean } {
  const words = text.split(" ").filter((w) => w !== "");
  if (words.length <= maxWords) return { text: words.join(" "), cut: false };
  return { text: `${words.slice(0, maxWords).join(" ")}\u2026`, cut: true };
}
