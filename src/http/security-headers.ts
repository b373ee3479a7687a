/**
 * The security headers every response carries, whatever produced it (pages, redirects, errors, cached
 * copies): built here only, by answer.ts. An HTML page brings its own Content-Security-Policy (what
 * its author published); everything else gets the baseline page policy (HTML) or the locked one.
 */
import { forHttps, LOCKED_POLICY, pagePolicy } from "./content-security-policy.ts";

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
