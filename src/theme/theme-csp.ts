/**
 * What a page drawn by the site's theme must be allowed to run and load, found in the finished HTML
 * (the theme's inline scripts hold page values, so their hashes are known only once drawn): the hash
 * of each inline script; the hosts of the scripts, stylesheets and frames it loads from other sites,
 * and of the scripts its inline snippets load (analytics, comments, share buttons write
 * `'//host/x.js'` into a new script element); and 'unsafe-eval' where it loads one of the site's
 * own scripts that runs eval. A theme is the author's code, so it gets what the author's post HTML
 * gets (see compile/csp/), and no more.
 */
import { cspHash } from "../compile/csp/sha256.ts";
import type { CspDirective, PageCsp } from "../model/csp.ts";

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const LINK = /<link\b([^>]*)>/gi;
const FRAME = /<iframe\b([^>]*)>/gi;
const JS_TYPE = /^(|module|(text|application)\/(x-)?(java|ecma)script)$/i;
/**
 * A quoted address in a script (`'https://host/…'`, `"//host/…"`, `'://host/…'` after a scheme chosen
 * at run time), or a host's tail after a concatenation (`'.disqus.com/embed.js'`).
 */
const QUOTED_HOST = /["'](?:(?:https?:|:)?\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+)|\.((?:[a-z0-9-]+\.)+[a-z]{2,})\/)/gi;

export function themeCsp(html: string, page: PageCsp | undefined, evalScripts: readonly string[] = []): PageCsp {
  const scripts = new Set(page?.scripts ?? []);
  const sources = new Map<CspDirective, Set<string>>();
  for (const [directive, list] of Object.entries(page?.sources ?? {}) as Array<[CspDirective, string[]]>)
    sources.set(directive, new Set(list));
  const add = (directive: CspDirective, source: string | null) => {
    if (source !== null) sources.set(directive, (sources.get(directive) ?? new Set()).add(source));
  };
  let runsEval = false;
  for (const [, attrs = "", body = ""] of html.matchAll(SCRIPT)) {
    const src = attr(attrs, "src");
    if (src !== null) {
      add("script-src", hostSource(src));
      if (evalScripts.some((path) => sitePath(src) === path)) runsEval = true;
    } else if (JS_TYPE.test((attr(attrs, "type") ?? "").trim())) {
      scripts.add(hashOf(body));
      // What the snippet loads may also frame or call back to its host (comments, share buttons).
      for (const [, host, tail] of body.matchAll(QUOTED_HOST)) {
        const source = host !== undefined ? host.toLowerCase() : `*.${(tail ?? "").toLowerCase()}`;
        for (const directive of ["script-src", "frame-src", "connect-src"] as const) add(directive, source);
      }
    }
  }
  for (const [, attrs = ""] of html.matchAll(LINK)) {
    if (/\bstylesheet\b/i.test(attr(attrs, "rel") ?? "")) add("style-src", hostSource(attr(attrs, "href")));
  }
  for (const [, attrs = ""] of html.matchAll(FRAME)) add("frame-src", hostSource(attr(attrs, "src")));
  if (runsEval) add("script-src", "'unsafe-eval'");
  return {
    scripts: [...scripts],
    handlers: page?.handlers ?? [],
    sources: Object.fromEntries([...sources].map(([d, set]) => [d, [...set]])),
  };
}

/**
 * Inline scripts' hashes, kept per isolate: a theme's snippets (analytics, share buttons, comments)
 * are the same text on every page, and hashing them was a good part of an uncached page's CPU. Bounded:
 * a script that differs per page (it holds the page's title) adds one, and a full map starts again.
 */
const hashes = new Map<string, string>();
const HASHES_KEPT = 1_000;

function hashOf(body: string): string {
  let hash = hashes.get(body);
  if (hash === undefined) {
    if (hashes.size >= HASHES_KEPT) hashes.clear();
    hash = cspHash(body);
    hashes.set(body, hash);
  }
  return hash;
}

/** The attributes read (src, type, rel, href), each pattern made once per isolate. */
const ATTRIBUTES = new Map<string, RegExp>();

function attr(attrs: string, name: string): string | null {
  let pattern = ATTRIBUTES.get(name);
  if (pattern === undefined) {
    pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i");
    ATTRIBUTES.set(name, pattern);
  }
  const m = pattern.exec(attrs);
  return m === null ? null : (m[1] ?? m[2] ?? m[3] ?? "");
}

/**
 * The CSP source for another site's address: `https://host` as written, or the bare host for a
 * protocol-relative `//host/x.js`, which loads over the page's own scheme (a bare host matches it,
 * CSP3 §6.7.2.8). Null for this site's own addresses.
 */
function hostSource(url: string | null): string | null {
  if (url === null) return null;
  const m = /^(?:(https?):)?\/\/([^/?#\s]+)/i.exec(url.trim());
  if (m === null) return null;
  const host = (m[2] ?? "").toLowerCase();
  return m[1] === undefined ? host : `${m[1].toLowerCase()}://${host}`;
}

/** The path of a script's address on this site (`/static/js/x.js` from `http://this.site/static/js/x.js?v=2`). */
function sitePath(url: string): string {
  return url
    .trim()
    .replace(/^(?:https?:)?\/\/[^/]+/i, "")
    .replace(/[?#].*$/, "");
}
