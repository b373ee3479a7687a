/**
 * Content-Security-Policy values. A page may run exactly the scripts its author published (by hash,
 * computed at publish time: see build/csp/) and load embeds only from the origins found in its HTML or
 * allowed by its author; nothing else. Other responses (feeds, media) get a policy that runs nothing.
 */
import type { CspDirective, PageCsp } from "../model/csp.ts";

/** The engine's own baseline for every directive a page can widen. */
const BASE: Record<CspDirective, string[]> = {
  "script-src": ["'self'"],
  // WordPress bodies carry `style="…"` on nearly every paragraph, and the theme is one inline <style>:
  // hashing each attribute would need 'unsafe-hashes' with thousands of hashes. Inline CSS cannot run
  // script, so 'unsafe-inline' for styles only is the accepted trade (script-src stays strict).
  "style-src": ["'self'", "'unsafe-inline'"],
  // Exported posts show images and video from any host, often over plain http on the old blog's
  // domain; passive content, and upgraded to https by browsers on HTTPS pages.
  "img-src": ["'self'", "https:", "http:", "data:"],
  "media-src": ["'self'", "https:", "http:", "data:"],
  "frame-src": ["'self'"],
  "font-src": ["'self'", "https:", "data:"],
  "connect-src": ["'self'"],
  // Plugins are gone from browsers; an <object>/<embed> only loads where content names its origin.
  "object-src": ["'none'"],
  "form-action": ["'self'"],
};

export function pagePolicy(csp: PageCsp | undefined): string {
  const directives: string[] = ["default-src 'self'"];
  for (const [directive, base] of Object.entries(BASE) as Array<[CspDirective, string[]]>) {
    const extra = csp?.sources[directive] ?? [];
    let sources = directive === "object-src" && extra.length > 0 ? extra : [...base, ...extra];
    if (directive === "script-src" && csp) {
      // Handlers and javascript: URLs match hashes only with 'unsafe-hashes' (CSP3 §6.7.2.7).
      const handlers = csp.handlers.length > 0 ? ["'unsafe-hashes'", ...csp.handlers] : [];
      sources = [...base, ...csp.scripts, ...handlers, ...extra];
    }
    directives.push(`${directive} ${[...new Set(sources)].join(" ")}`);
  }
  directives.push("base-uri 'self'", "frame-ancestors 'self'");
  return directives.join("; ");
}

/** For everything that is not an HTML page: nothing runs, nothing loads, even if opened directly (an SVG). */
export const LOCKED_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";

/** On HTTPS, stray http:// subresources in old posts are fetched over https instead of as mixed content. */
export function forHttps(policy: string): string {
  return `${policy}; upgrade-insecure-requests`;
}
