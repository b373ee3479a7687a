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
  const found = new Allowed(page);
  // Plain exec loops and small functions: this runs on every uncached themed page, and V8's optimizing
  // compile of the same scan written with matchAll and destructuring took 70 ms on a compiler thread
  // during an isolate's first few hundred pages (node --trace-opt), more than the pages' scans.
  const runsEval = scripts(html, found, evalScripts);
  LINK.lastIndex = 0;
  for (let m = LINK.exec(html); m !== null; m = LINK.exec(html)) {
    const attrs = m[1] ?? "";
    if (/\bstylesheet\b/i.test(attr(attrs, "rel") ?? "")) found.add("style-src", hostSource(attr(attrs, "href")));
  }
  FRAME.lastIndex = 0;
  for (let m = FRAME.exec(html); m !== null; m = FRAME.exec(html)) found.add("frame-src", hostSource(attr(m[1] ?? "", "src")));
  if (runsEval) found.add("script-src", "'unsafe-eval'");
  return found.csp(page);
}

/**
 * The page's inline scripts by hash, and the hosts of the scripts it loads and of those its snippets
 * load; true when it loads one of the site's scripts that runs eval.
 */
function scripts(html: string, found: Allowed, evalScripts: readonly string[]): boolean {
  let runsEval = false;
  SCRIPT.lastIndex = 0;
  for (let m = SCRIPT.exec(html); m !== null; m = SCRIPT.exec(html)) {
    const attrs = m[1] ?? "";
    const src = attr(attrs, "src");
    if (src !== null) {
      found.add("script-src", hostSource(src));
      if (!runsEval && evalScripts.length > 0 && evalScripts.includes(sitePath(src))) runsEval = true;
    } else if (JS_TYPE.test((attr(attrs, "type") ?? "").trim())) {
      const body = m[2] ?? "";
      found.scripts.add(hashOf(body));
      // What the snippet loads may also frame or call back to its host (comments, share buttons).
      QUOTED_HOST.lastIndex = 0;
      for (let q = QUOTED_HOST.exec(body); q !== null; q = QUOTED_HOST.exec(body)) {
        const source = q[1] !== undefined ? q[1].toLowerCase() : `*.${(q[2] ?? "").toLowerCase()}`;
        found.add("script-src", source);
        found.add("frame-src", source);
        found.add("connect-src", source);
      }
    }
  }
  return runsEval;
}

/** What the page may run and load so far: the publisher's findings for its content, then the theme's. */
class Allowed {
  readonly scripts: Set<string>;
  private readonly sources = new Map<CspDirective, Set<string>>();

  constructor(page: PageCsp | undefined) {
    this.scripts = new Set(page?.scripts ?? []);
    const given = page?.sources ?? {};
    for (const directive of Object.keys(given) as CspDirective[]) this.sources.set(directive, new Set(given[directive]));
  }

  add(directive: CspDirective, source: string | null): void {
    if (source === null) return;
    const set = this.sources.get(directive);
    if (set === undefined) this.sources.set(directive, new Set([source]));
    else set.add(source);
  }

  csp(page: PageCsp | undefined): PageCsp {
    const sources: Partial<Record<CspDirective, string[]>> = {};
    for (const [directive, set] of this.sources) sources[directive] = [...set];
    return { scripts: [...this.scripts], handlers: page?.handlers ?? [], sources };
  }
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
