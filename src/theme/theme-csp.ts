/**
 * What a page drawn by the site's theme must be allowed to run and load, found in the finished HTML
 * (the theme's inline scripts hold page values, so their hashes are known only once drawn): the hash
 * of each inline script, and the origins of scripts, stylesheets and frames it loads from other sites.
 * A theme is the author's code, so it gets what the author's post HTML gets (see compile/csp/).
 */
import { cspHash } from "../compile/csp/sha256.ts";
import type { CspDirective, PageCsp } from "../model/csp.ts";

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const LINK = /<link\b([^>]*)>/gi;
const FRAME = /<iframe\b([^>]*)>/gi;
const JS_TYPE = /^(|module|(text|application)\/(x-)?(java|ecma)script)$/i;

export function themeCsp(html: string, page: PageCsp | undefined): PageCsp {
  const scripts = new Set(page?.scripts ?? []);
  const sources = new Map<CspDirective, Set<string>>();
  for (const [directive, list] of Object.entries(page?.sources ?? {}) as Array<[CspDirective, string[]]>)
    sources.set(directive, new Set(list));
  const add = (directive: CspDirective, url: string | null) => {
    const origin = originOf(url);
    if (origin !== null) sources.set(directive, (sources.get(directive) ?? new Set()).add(origin));
  };
  for (const [, attrs = "", body = ""] of html.matchAll(SCRIPT)) {
    const src = attr(attrs, "src");
    if (src !== null) add("script-src", src);
    else if (JS_TYPE.test((attr(attrs, "type") ?? "").trim())) scripts.add(cspHash(body));
  }
  for (const [, attrs = ""] of html.matchAll(LINK)) {
    if (/\bstylesheet\b/i.test(attr(attrs, "rel") ?? "")) add("style-src", attr(attrs, "href"));
  }
  for (const [, attrs = ""] of html.matchAll(FRAME)) add("frame-src", attr(attrs, "src"));
  return {
    scripts: [...scripts],
    handlers: page?.handlers ?? [],
    sources: Object.fromEntries([...sources].map(([d, set]) => [d, [...set]])),
  };
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(attrs);
  return m === null ? null : (m[1] ?? m[2] ?? m[3] ?? "");
}

/** `https://host` of an absolute or protocol-relative URL (`//cdn.example/x.js` loads over https); null for this site's own. */
function originOf(url: string | null): string | null {
  if (url === null) return null;
  const m = /^(?:(https?):)?\/\/([^/?#\s]+)/i.exec(url.trim());
  return m === null ? null : `${(m[1] ?? "https").toLowerCase()}://${(m[2] ?? "").toLowerCase()}`;
}
