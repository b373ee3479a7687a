/**
 * A page's skeleton: its elements in document order, each as its tag, id and classes, leaving out
 * what a code highlighter puts inside `<pre>` (Rouge's spans and ours differ by design). Two pages
 * with the same skeleton are laid out by the same template; `similarity` says how close two are.
 */
import { type DefaultTreeAdapterMap, parse } from "parse5";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];
type Template = DefaultTreeAdapterMap["template"];

export function skeleton(html: string): string[] {
  const out: string[] = [];
  const walk = (node: Node, inPre: boolean) => {
    if (!("tagName" in node)) {
      if ("childNodes" in node) for (const child of node.childNodes) walk(child, inPre);
      return;
    }
    const element = node as Element;
    if (!inPre) out.push(token(element));
    const children = element.tagName === "template" ? (element as Template).content.childNodes : element.childNodes;
    for (const child of children) walk(child, inPre || element.tagName === "pre");
  };
  walk(parse(html), false);
  return out;
}

function token(element: Element): string {
  const attr = (name: string) => element.attrs.find((a) => a.name === name)?.value ?? "";
  const id = attr("id");
  const classes = attr("class").split(/\s+/).filter(Boolean).sort();
  return `${element.tagName}${id ? `#${id}` : ""}${classes.map((c) => `.${c}`).join("")}`;
}

/**
 * 2·M / (|a| + |b|), where M is the length of the longest common subsequence: 1 for the same
 * sequence, 0 for nothing in common (the measure Python's difflib reports, with an exact LCS).
 */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length + b.length === 0) return 1;
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? (previous[j - 1] ?? 0) + 1 : Math.max(previous[j] ?? 0, current[j - 1] ?? 0);
    }
    [previous, current] = [current, previous];
  }
  return (2 * (previous[b.length] ?? 0)) / (a.length + b.length);
}

/** The stylesheets and scripts a page loads from its own site (relative, or on `origin`), as paths. */
export function ownAssets(html: string, origin: string): string[] {
  const found = new Set<string>();
  const tags = html.matchAll(/<(link|script)\b[^>]*>/gi);
  for (const [tag, name] of tags) {
    const isStyle = name?.toLowerCase() === "link" && /\brel\s*=\s*["']?stylesheet/i.test(tag);
    const src = /\b(?:href|src)\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (src === undefined || (!isStyle && name?.toLowerCase() !== "script")) continue;
    const url = new URL(src, `${origin}/`);
    if (url.origin === origin) found.add(url.pathname);
  }
  return [...found];
}
