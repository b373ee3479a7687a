/**
 * A rendered response as the caches keep it: the bytes, their gzip form, and the few headers that
 * describe them. Answering from an entry applies the same conditional-request rules as a freshly
 * rendered page, so a browser revalidating with its ETag gets a 304 from the cache too, and picks
 * the form the client accepts, so no request pays for compressing a page again.
 */
import { acceptsGzip, gzip, gzipEtag, isCompressible } from "../http/content-coding.ts";
import { isHttps } from "../http/request-url.ts";
import { notModified } from "../http/respond.ts";
import { securityHeaderList } from "../http/security-headers.ts";

export interface CachedEntry {
  /** Id of the release the response was rendered from. */
  release: string;
  status: number;
  /** Those of KEPT_HEADERS the response had. */
  headers: Array<[string, string]>;
  body: Uint8Array;
  /** The body gzipped, or null when it is not worth compressing (small, binary, or no body). */
  gzip: Uint8Array | null;
}

/**
 * The headers a cached response keeps: what describes the bytes, and the page's own
 * Content-Security-Policy (a route sets it from what the page embeds). Anything else (a Date, a
 * Set-Cookie) is per request.
 */
export const KEPT_HEADERS = ["content-type", "cache-control", "etag", "last-modified", "location", "content-security-policy"] as const;

/** Statuses worth keeping: the page, a 404 and a permanent redirect are all stable per release. */
const CACHEABLE_STATUS = new Set([200, 301, 308, 404]);

export function isCacheable(response: Response): boolean {
  if (!CACHEABLE_STATUS.has(response.status)) return false;
  const policy = response.headers.get("Cache-Control") ?? "";
  return !/\b(no-store|private)\b/.test(policy);
}

export async function toEntry(release: string, response: Response): Promise<CachedEntry> {
  const headers: Array<[string, string]> = [];
  for (const name of KEPT_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers.push([name, value]);
  }
  return entryOf(release, response.status, headers, new Uint8Array(await response.arrayBuffer()));
}

/** An entry for these bytes, with their gzip form made now when worth it. */
export async function entryOf(release: string, status: number, headers: Array<[string, string]>, body: Uint8Array): Promise<CachedEntry> {
  const type = headers.find(([name]) => name === "content-type")?.[1] ?? null;
  const compressed = hasBody(status) && isCompressible(type, body.byteLength) ? await gzip(body) : null;
  // Keep the gzip form only where it saves something (already-dense text can come out larger).
  return { release, status, headers, body, gzip: compressed !== null && compressed.byteLength < body.byteLength ? compressed : null };
}

/** Bytes an entry holds, for the caches' budgets. */
export function entryBytes(entry: CachedEntry): number {
  return entry.body.byteLength + (entry.gzip?.byteLength ?? 0);
}

/**
 * The response for this request: a 304 when its validators match, else the form its client accepts.
 * Its headers are complete (security headers included), so nothing downstream needs to touch them.
 */
export function fromEntry(request: Request, entry: CachedEntry, extraHeaders: Array<[string, string]> = []): Response {
  const gzipped = entry.gzip !== null && acceptsGzip(request);
  const form = preparedForm(entry, gzipped, isHttps(request.url));
  let headers = form.headers;
  if (entry.status === 200 && validatorsMatch(request, entry)) {
    // A 304 carries the validators and caching headers the 200 would have, and no body (RFC 9110 §15.4.5).
    headers = new Headers(headers);
    for (const name of BODY_HEADERS) headers.delete(name);
    return new Response(null, { status: 304, headers: withExtra(headers, extraHeaders) });
  }
  if (extraHeaders.length > 0) headers = withExtra(new Headers(headers), extraHeaders);
  if (!hasBody(entry.status)) return new Response(null, { status: entry.status, headers });
  // Stored gzip bytes are sent as they are, not compressed again by the runtime.
  if (gzipped) return new Response(entry.gzip, { status: entry.status, headers, encodeBody: "manual" });
  return new Response(entry.body, { status: entry.status, headers });
}

function withExtra(headers: Headers, extra: Array<[string, string]>): Headers {
  for (const [name, value] of extra) headers.set(name, value);
  return headers;
}

/** Headers that describe a body, left out of a 304. */
const BODY_HEADERS = new Set(["content-type", "content-encoding"]);

/**
 * Headers per entry and form (gzip or not, HTTPS or not), built on first use. A hit hands the same
 * Headers to each new Response, which copies it inside the runtime: far cheaper than building one
 * from JavaScript strings on every request. Never modified once built.
 */
const prepared = new WeakMap<CachedEntry, Array<{ headers: Headers } | undefined>>();

function preparedForm(entry: CachedEntry, gzipped: boolean, https: boolean): { headers: Headers } {
  let forms = prepared.get(entry);
  if (forms === undefined) {
    forms = [];
    prepared.set(entry, forms);
  }
  const index = (gzipped ? 2 : 0) + (https ? 1 : 0);
  const known = forms[index];
  if (known !== undefined) return known;
  // The page's own policy travels in the security list (upgraded there for HTTPS), not beside it.
  const headers = new Headers();
  for (const [name, value] of entry.headers) {
    if (name !== "content-security-policy") headers.set(name, name === "etag" && gzipped ? gzipEtag(value) : value);
  }
  if (entry.gzip !== null) headers.set("Vary", "Accept-Encoding");
  if (gzipped) headers.set("Content-Encoding", "gzip");
  const security = securityHeaderList(headerOf(entry, "content-type"), headerOf(entry, "content-security-policy"), https);
  for (const [name, value] of security) headers.set(name, value);
  const form = { headers };
  forms[index] = form;
  return form;
}

function headerOf(entry: CachedEntry, name: (typeof KEPT_HEADERS)[number]): string | null {
  return entry.headers.find(([n]) => n === name)?.[1] ?? null;
}

function validatorsMatch(request: Request, entry: CachedEntry): boolean {
  const etag = headerOf(entry, "etag");
  if (etag === null) return false;
  const modified = headerOf(entry, "last-modified");
  return notModified(request, etag, modified === null ? null : new Date(modified));
}

/** The response itself, or a 304 when the request's validators match it. */
export function answerConditions(request: Request, response: Response): Response {
  return conditional(request, response.status, new Headers(response.headers)) ?? response;
}

function hasBody(status: number): boolean {
  return status !== 301 && status !== 308;
}

function conditional(request: Request, status: number, headers: Headers): Response | null {
  if (status !== 200) return null;
  const etag = headers.get("ETag");
  const modified = headers.get("Last-Modified");
  if (etag === null || !notModified(request, etag, modified === null ? null : new Date(modified))) return null;
  headers.delete("Content-Type");
  return new Response(null, { status: 304, headers });
}
