/**
 * HTML fragments handled with a real HTML parser (parse5, the WHATWG algorithm), at publish time
 * only: closing the tags a cut-off teaser leaves open, and taking the text out for summaries.
 */
import { type DefaultTreeAdapterMap, parseFragment, serialize, serializeOuter } from "parse5";

type Node = DefaultTreeAdapterMap["node"];
type ParentNode = DefaultTreeAdapterMap["parentNode"];
type Element = DefaultTreeAdapterMap["element"];

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
  "dl",
  "dd",
  "dt",
]);

/**
 * Re-serialises a fragment so every element is closed: a teaser cut at `<!--more-->` inside a
 * `<p>` must not leave the list page's markup open. Scripts are dropped: a teaser runs nothing.
 * Elements the cut left empty at the end (the `<p>` that held the marker) go too.
 *
 * With `page` (the post's path), the teaser is also made fit for a page listing several: ids go (two
 * teasers may both have a "setup" heading), and links within the post (`#footnote-1`) lead to it.
 */
export function balanceHtml(html: string, page?: string): string {
  const fragment = parseFragment(html);
  dropElements(fragment, "script");
  dropTrailingEmpty(fragment);
  if (page !== undefined) detach(fragment, page);
  return serialize(fragment).trim();
}

function detach(node: ParentNode, page: string): void {
  for (const child of node.childNodes) {
    if (!("tagName" in child)) continue;
    child.attrs = child.attrs
      .filter((a) => a.name !== "id" && a.name !== "aria-describedby")
      .map((a) => (a.name === "href" && a.value.startsWith("#") ? { ...a, value: page + a.value } : a));
    detach(child, page);
  }
}

/** Whether a fragment shows anything: text, or an element such as an image that is content by itself. */
export function hasContent(html: string): boolean {
  // A paragraph, list item or heading that opens with text answers without parsing the whole body.
  // (Comments, scripts and styles are taken out first: text in them is never shown.)
  const shown = html.replace(/<!--[\s\S]*?-->|<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, "");
  if (/<(p|li|h[1-6])\b[^>]*>\s*[^<\s&]/i.test(shown)) return true;
  return /<(img|iframe|video|audio|object|embed|svg|picture|canvas|table|hr)\b/i.test(html) || htmlToText(html) !== "";
}

/** Lines of a code block an excerpt keeps before cutting it. */
const EXCERPT_CODE_LINES = 8;

/**
 * The opening of a post, about `maxWords` words, as a list shows it when the author marked no
 * teaser: running text becomes one paragraph of plain text (as WordPress's automatic excerpt does),
 * but a code block stays a code block, cut to its first lines, instead of being flattened into prose.
 */
export function leadingBlocks(html: string, maxWords: number): { html: string; cut: boolean } {
  const out: string[] = [];
  let words: string[] = [];
  let count = 0;
  const flush = () => {
    if (words.length > 0) out.push(`<p>${escapeText(words.join(" "))}</p>`);
    words = [];
  };
  for (const node of parseFragment(html).childNodes) {
    if ("tagName" in node && node.tagName === "pre") {
      flush();
      const lines = textOf(node).replace(/\n$/, "").split("\n");
      const kept = lines.slice(0, EXCERPT_CODE_LINES);
      const code = node.childNodes.find((c): c is Element => "tagName" in c && c.tagName === "code");
      // The excerpt keeps the text of the lines, not their highlighting (a token may span the cut).
      const cls = code?.attrs
        .find((a) => a.name === "class")
        ?.value.replace(/(?:^|\s)hljs(?=\s|$)/, "")
        .trim();
      const attr = cls === undefined ? "" : ` class="${escapeText(cls).replace(/"/g, "&quot;")}"`;
      out.push(`<pre><code${attr}>${escapeText(kept.join("\n"))}${kept.length < lines.length ? "\n\u2026" : ""}</code></pre>`);
      count += kept.join(" ").split(/\s+/).filter(Boolean).length;
      if (kept.length < lines.length) return { html: out.join(""), cut: true };
      continue;
    }
    const text: string[] = [];
    walkText(node as ParentNode, text, true);
    for (const word of text.join("").split(/\s+/)) {
      if (word === "") continue;
      if (count >= maxWords) {
        if (words.length > 0) words[words.length - 1] += "\u2026";
        else words.push("\u2026");
        flush();
        return { html: out.join(""), cut: true };
      }
      words.push(word);
      count++;
    }
  }
  flush();
  return { html: out.join(""), cut: false };
}

function textOf(node: Node): string {
  if (node.nodeName === "#text" && "value" in node) return node.value;
  return "childNodes" in node ? node.childNodes.map(textOf).join("") : "";
}

function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The visible text of a fragment, entities decoded, white space collapsed. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  walkText(parseFragment(html), out);
  return out.join("").replace(/\s+/g, " ").trim();
}

function walkText(node: ParentNode, out: string[], self = false): void {
  if (self) {
    if (node.nodeName === "#text" && "value" in node) out.push(String(node.value));
    if (!("childNodes" in node) || ("tagName" in node && HIDDEN.has(node.tagName))) return;
  }
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

function dropTrailingEmpty(node: ParentNode): void {
  for (let last = node.childNodes.at(-1); last !== undefined; last = node.childNodes.at(-1)) {
    if (last.nodeName === "#text" && "value" in last && last.value.trim() === "") node.childNodes.pop();
    else if ("tagName" in last && last.childNodes.every(isBlank) && !hasContent(serializeOuter(last))) node.childNodes.pop();
    else break;
  }
}

function isBlank(node: Node): boolean {
  return (node.nodeName === "#text" && "value" in node && node.value.trim() === "") || node.nodeName === "#comment";
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
