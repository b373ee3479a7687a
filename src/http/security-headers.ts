/**
 * Security headers on every response, whatever produced it (pages, redirects, errors, cached copies).
 * A route that knows its page's needs sets Content-Security-Policy itself; everything else gets the
 * baseline page policy (HTML) or the locked one.
 */
import type { MiddlewareHandler } from "hono";
import { forHttps, LOCKED_POLICY, pagePolicy } from "./content-security-policy.ts";
import { isHttps } from "./request-url.ts";

const FIXED: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // The blog uses none of these; embeds from other origins can still ask through their own frames' allow=.
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  // No Cross-Origin-Opener-Policy: `same-origin` makes the browser move every arrival from another
  // site into a new browsing context group (a fresh renderer), which cost a phone-class Lighthouse run
  // 250-300 ms of Total Blocking Time on pages with no script at all; a public blog holds nothing in
  // its windows for another site to read.
};

/** Two years with subdomains: the value hstspreload.org asks for; sent only over HTTPS (RFC 6797 §7.2). */
const HSTS = "max-age=63072000; includeSubDomains";

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    // Answers made from a cache entry carry the whole set already (see cache-entry.ts).
    if (c.res.headers.has(MARKER)) return;
    const https = isHttps(c.req.url);
    try {
      applyTo(c.res.headers, https);
    } catch {
      // Responses from a cache or fetch() have immutable headers: copy them into a new response.
      // (Clearing c.res first stops Hono from copying the old headers back over the new ones.)
      const old = c.res;
      const headers = new Headers(old.headers);
      applyTo(headers, https);
      c.res = undefined;
      // A body sent as stored gzip (Content-Encoding set by us) must stay as it is, not be compressed again.
      const encodeBody = headers.has("Content-Encoding") ? "manual" : "automatic";
      c.res = new Response(old.body, { status: old.status, statusText: old.statusText, headers, encodeBody });
    }
  };
}

/** Present on every response that has been given the set; always the first of FIXED. */
const MARKER = "X-Content-Type-Options";

function applyTo(headers: Headers, https: boolean): void {
  const list = securityHeaderList(headers.get("Content-Type"), headers.get("Content-Security-Policy"), https);
  for (const [name, value] of list) headers.set(name, value);
}

/**
 * The security headers for a response of this type, given the page's own policy (null: the
 * baseline for its type). Built as a list so cached answers can compute it once and reuse it.
 */
export function securityHeaderList(contentType: string | null, ownPolicy: string | null, https: boolean): Array<[string, string]> {
  const list = Object.entries(FIXED);
  if (https) list.push(["Strict-Transport-Security", HSTS]);
  let policy = ownPolicy ?? ((contentType ?? "").startsWith("text/html") ? pagePolicy(undefined) : LOCKED_POLICY);
  if (https && !policy.includes("upgrade-insecure-requests")) policy = forHttps(policy);
  list.push(["Content-Security-Policy", policy]);
  return list;
}
