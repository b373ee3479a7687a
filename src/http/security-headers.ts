/**
 * Security headers on every response, whatever produced it (pages, redirects, errors, cached copies).
 * A route that knows its page's needs sets Content-Security-Policy itself; everything else gets the
 * baseline page policy (HTML) or the locked one.
 */
import type { MiddlewareHandler } from "hono";
import { forHttps, LOCKED_POLICY, pagePolicy } from "./content-security-policy.ts";

const FIXED: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // The blog uses none of these; embeds from other origins can still ask through their own frames' allow=.
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** Two years with subdomains: the value hstspreload.org asks for; sent only over HTTPS (RFC 6797 §7.2). */
const HSTS = "max-age=63072000; includeSubDomains";

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const https = new URL(c.req.url).protocol === "https:";
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

function applyTo(headers: Headers, https: boolean): void {
  for (const [name, value] of Object.entries(FIXED)) headers.set(name, value);
  if (https) headers.set("Strict-Transport-Security", HSTS);
  let policy = headers.get("Content-Security-Policy");
  if (policy === null) policy = (headers.get("Content-Type") ?? "").startsWith("text/html") ? pagePolicy(undefined) : LOCKED_POLICY;
  if (https && !policy.includes("upgrade-insecure-requests")) policy = forHttps(policy);
  headers.set("Content-Security-Policy", policy);
}
