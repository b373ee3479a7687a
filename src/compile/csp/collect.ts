/**
 * Finds what a page's own HTML needs its Content-Security-Policy to allow: the hash of every inline
 * script and inline event handler, and the origins of scripts, frames, objects, stylesheets and form
 * targets it embeds. Runs at publish time over the same HTML the Worker serves (one Marked instance).
 */
import { type DefaultTreeAdapterMap, parseFragment } from "parse5";
import type { CspDirective, PageCsp } from "../../model/csp.ts";
import { cspHash } from "./sha256.ts";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

/** Script types a browser runs; anything else (JSON-LD, templates) is data, outside CSP (HTML §4.12.1). */
const JS_TYPES = /^(|module|(text|application)\/(x-)?(java|ecma)script|text\/(jscript|livescript)|text\/javascript1\.[0-5])$/i;

/** Element, attribute holding a URL, and the directive that governs loading it. */
const EMBEDS: Array<[tag: string, attr: string, directive: CspDirective]> = [
  ["script", "src", "script-src"],
  ["iframe", "src", "frame-src"],
  ["frame", "src", "frame-src"],
  ["embed", "src", "object-src"],
  ["object", "data", "object-src"],
  ["form", "action", "form-action"],
];

export function collectCsp(markup: string): PageCsp {
  const scripts = new Set<string>();
  const handlers = new Set<string>();
  const sources = new Map<CspDirective, Set<string>>();
  const add = (directive: CspDirective, source: string) => addTo(sources, directive, [source]);

  const visit = (node: Node) => {
    if (!("tagName" in node)) return;
    const el = node as Element;
    for (const { name, value } of el.attrs) {
      if (name.startsWith("on")) handlers.add(cspHash(value));
      else if (/^\s*javascript:/i.test(value) && URL_ATTRS.has(name)) handlers.add(cspHash(value));
    }
    if (el.tagName === "script" && !attr(el, "src") && JS_TYPES.test((attr(el, "type") ?? "").trim())) {
      scripts.add(cspHash(el.childNodes.map((c) => ("value" in c ? c.value : "")).join("")));
    }
    if (el.tagName === "link" && /\bstylesheet\b/i.test(attr(el, "rel") ?? "")) {
      const origin = originOf(attr(el, "href"));
      if (origin) add("style-src", origin);
    }
    for (const [tag, name, directive] of EMBEDS) {
      if (el.tagName !== tag) continue;
      const origin = originOf(attr(el, name));
      if (origin) add(directive, origin);
    }
    for (const child of el.childNodes) visit(child);
  };
  for (const node of parseFragment(markup).childNodes) visit(node);

  const sorted = (set: Set<string>) => [...set].sort();
  return {
    scripts: sorted(scripts),
    handlers: sorted(handlers),
    sources: Object.fromEntries([...sources].sort(([a], [b]) => a.localeCompare(b)).map(([d, set]) => [d, sorted(set)])),
  };
}

/** Attributes whose `javascript:` value runs as script when followed or submitted. */
const URL_ATTRS = new Set(["href", "src", "action", "formaction", "data"]);

function attr(el: Element, name: string): string | null {
  return el.attrs.find((a) => a.name === name)?.value ?? null;
}

/**
 * The source expression for an embed's URL: its origin when it is on another http(s) host; null for
 * relative URLs (covered by 'self') and other schemes. `//host/x` keeps the page's scheme, so it is
 * allowed by host alone.
 */
export function originOf(url: string | null): string | null {
  if (url === null) return null;
  const trimmed = url.trim();
  const protocolRelative = trimmed.startsWith("//");
  let parsed: URL;
  try {
    parsed = new URL(protocolRelative ? `https:${trimmed}` : trimmed);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  return protocolRelative ? parsed.host : parsed.origin;
}

/** Union of several pages' needs (a list page shows many posts' excerpts). */
export function mergeCsp(parts: readonly PageCsp[]): PageCsp {
  const scripts = new Set<string>();
  const handlers = new Set<string>();
  const sources = new Map<CspDirective, Set<string>>();
  for (const part of parts) {
    for (const s of part.scripts) scripts.add(s);
    for (const h of part.handlers) handlers.add(h);
    for (const [directive, list] of Object.entries(part.sources) as Array<[CspDirective, string[]]>) addTo(sources, directive, list);
  }
  return {
    scripts: [...scripts].sort(),
    handlers: [...handlers].sort(),
    sources: Object.fromEntries([...sources].sort(([a], [b]) => a.localeCompare(b)).map(([d, set]) => [d, [...set].sort()])),
  };
}

function addTo(map: Map<CspDirective, Set<string>>, directive: CspDirective, items: readonly string[]): void {
  const set = map.get(directive) ?? new Set<string>();
  for (const item of items) set.add(item);
  map.set(directive, set);
}
