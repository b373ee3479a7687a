/**
 * Turns a rendered body into a response with validators: a strong ETag from the bytes, and
 * Last-Modified where the content has a date. Answers conditional requests with 304 (RFC 9110 §13).
 */
import { CACHE_POLICY, type CachePolicyName, cappedPolicy } from "./cache-policy.ts";
import { gzipEtag } from "./content-coding.ts";

export interface RespondOptions {
  status?: number;
  type: string;
  policy: CachePolicyName;
  /** ISO date of the newest content on the page, when it has one. */
  lastModified?: string | null;
  /** Epoch ms after which this answer may change (a scheduled post appears); caches must not keep it longer. */
  expiresAt?: number | null;
  /** The request's time, epoch ms, for `expiresAt`. */
  now?: number;
}

export async function respond(request: Request, body: string | Uint8Array, options: RespondOptions): Promise<Response> {
  const status = options.status ?? 200;
  const etag = await strongEtag(body);
  const headers = new Headers({
    "Content-Type": options.type,
    "Cache-Control": cacheControl(options),
    ETag: etag,
  });
  const lastModified = options.lastModified ? new Date(options.lastModified) : null;
  if (lastModified && !Number.isNaN(lastModified.getTime())) headers.set("Last-Modified", lastModified.toUTCString());
  if (status === 200 && notModified(request, etag, lastModified)) {
    // A 304 carries the same validators and caching headers the 200 would have, and no body (RFC 9110 §15.4.5).
    headers.delete("Content-Type");
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status, headers });
}

function cacheControl(options: RespondOptions): string {
  if (options.expiresAt === undefined || options.expiresAt === null || options.now === undefined) return CACHE_POLICY[options.policy];
  return cappedPolicy(options.policy, (options.expiresAt - options.now) / 1000);
}

export async function strongEtag(body: string | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", typeof body === "string" ? new TextEncoder().encode(body) : body);
  const bytes = new Uint8Array(digest).slice(0, 18);
  const b64 = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_");
  return `"${b64}"`;
}

export function notModified(request: Request, etag: string, lastModified: Date | null): boolean {
  const ifNoneMatch = request.headers.get("If-None-Match");
  if (ifNoneMatch !== null) {
    // If-None-Match uses the weak comparison: W/"x" matches "x" (RFC 9110 §13.1.2). The gzip form's
    // tag matches too: both are this content, and a 304 only says the copy the client holds is current.
    if (ifNoneMatch.trim() === "*") return true;
    const gzipped = gzipEtag(etag);
    return ifNoneMatch.split(",").some((tag) => {
      const opaque = tag.trim().replace(/^W\//, "");
      return opaque === etag || opaque === gzipped;
    });
  }
  const since = request.headers.get("If-Modified-Since");
  if (since !== null && lastModified) {
    const sinceMs = Date.parse(since);
    // HTTP dates have whole seconds.
    return !Number.isNaN(sinceMs) && Math.floor(lastModified.getTime() / 1000) * 1000 <= sinceMs;
  }
  return false;
}

export function redirect(location: string, status: 301 | 302 = 301): Response {
  return new Response(null, {
    status,
    headers: { Location: location, "Cache-Control": CACHE_POLICY[status === 301 ? "redirect" : "none"] },
  });
}
