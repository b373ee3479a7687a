/**
 * The one way the Worker answers: from a response entry, for this request. It decides a 304 (when the
 * client's copy is current), the content coding (stored gzip bytes only for a client that takes
 * gzip), and adds the security headers, built once per entry and form and reused on every hit.
 */

import { notModified } from "./conditional.ts";
import { acceptsGzip, gunzipStream, gzipEtag } from "./content-coding.ts";
import { isHttps } from "./request-url.ts";
import { hasBody, headerOf, type ResponseEntry } from "./response-entry.ts";
import { securityHeaderList } from "./security-headers.ts";

export function answer(request: Request, entry: ResponseEntry, extraHeaders: Array<[string, string]> = []): Response {
  const gzipped = entry.gzip !== null && acceptsGzip(request);
  let headers = preparedHeaders(entry, gzipped, isHttps(request.url));
  const etag = headerOf(entry, "etag");
  if (entry.status === 200 && etag !== null && notModified(request, etag)) {
    // A 304 carries the validators and caching headers the 200 would have, and no body (RFC 9110 §15.4.5).
    headers = new Headers(headers);
    for (const name of BODY_HEADERS) headers.delete(name);
    return new Response(null, { status: 304, headers: withExtra(headers, extraHeaders) });
  }
  if (extraHeaders.length > 0) headers = withExtra(new Headers(headers), extraHeaders);
  if (!hasBody(entry.status)) return new Response(null, { status: entry.status, headers });
  // Stored gzip bytes are sent as they are, not compressed again by the runtime.
  if (gzipped) return new Response(entry.gzip, { status: entry.status, headers, encodeBody: "manual" });
  const plain = entry.body ?? (entry.gzip === null ? null : gunzipStream(entry.gzip));
  return new Response(plain, { status: entry.status, headers });
}

/** Headers that describe a body, left out of a 304. */
const BODY_HEADERS = ["content-type", "content-encoding"];

function withExtra(headers: Headers, extra: Array<[string, string]>): Headers {
  for (const [name, value] of extra) headers.set(name, value);
  return headers;
}

/**
 * Headers per entry and form (gzip or not, HTTPS or not), built on first use. A hit hands the same
 * Headers to each new Response, which copies it inside the runtime: far cheaper than building one
 * from JavaScript strings on every request. Never modified once built.
 */
const prepared = new WeakMap<ResponseEntry, Array<Headers | undefined>>();

function preparedHeaders(entry: ResponseEntry, gzipped: boolean, https: boolean): Headers {
  let forms = prepared.get(entry);
  if (forms === undefined) {
    forms = [];
    prepared.set(entry, forms);
  }
  const index = (gzipped ? 2 : 0) + (https ? 1 : 0);
  const known = forms[index];
  if (known !== undefined) return known;
  const headers = new Headers();
  for (const [name, value] of entry.headers) {
    // The page's own policy travels in the security list (upgraded there for HTTPS), not beside it.
    if (name !== "content-security-policy") headers.set(name, name === "etag" && gzipped ? gzipEtag(value) : value);
  }
  if (entry.gzip !== null) headers.set("Vary", "Accept-Encoding");
  if (gzipped) headers.set("Content-Encoding", "gzip");
  for (const [name, value] of securityHeaderList(headerOf(entry, "content-type"), headerOf(entry, "content-security-policy"), https)) {
    headers.set(name, value);
  }
  forms[index] = headers;
  return headers;
}
