/**
 * A rendered response as the caches keep it: the bytes, their gzip form, and the few headers that
 * describe them. Answering from an entry applies the same conditional-request rules as a freshly
 * rendered page, so a browser revalidating with its ETag gets a 304 from the cache too, and picks
 * the form the client accepts, so no request pays for compressing a page again.
 */
import { acceptsGzip, gzip, gzipEtag, isCompressible } from "../http/content-coding.ts";
import { notModified } from "../http/respond.ts";

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

/** The response for this request: a 304 when its validators match, else the form its client accepts. */
export function fromEntry(request: Request, entry: CachedEntry, extraHeaders: Array<[string, string]> = []): Response {
  const headers = new Headers(entry.headers);
  for (const [name, value] of extraHeaders) headers.set(name, value);
  if (entry.gzip !== null) headers.set("Vary", "Accept-Encoding");
  const notModifiedResponse = conditional(request, entry.status, headers, entry.gzip !== null);
  if (notModifiedResponse !== null) return notModifiedResponse;
  if (!hasBody(entry.status)) return new Response(null, { status: entry.status, headers });
  if (entry.gzip !== null && acceptsGzip(request)) {
    headers.set("Content-Encoding", "gzip");
    const etag = headers.get("ETag");
    if (etag !== null) headers.set("ETag", gzipEtag(etag));
    // The bytes are gzip already: the runtime must send them as they are, not compress them again.
    return new Response(entry.gzip, { status: entry.status, headers, encodeBody: "manual" });
  }
  return new Response(entry.body, { status: entry.status, headers });
}

/** The response itself, or a 304 when the request's validators match it. */
export function answerConditions(request: Request, response: Response): Response {
  return conditional(request, response.status, new Headers(response.headers), false) ?? response;
}

function hasBody(status: number): boolean {
  return status !== 301 && status !== 308;
}

/** `gzipForm`: the 200 would have been the gzip form where the client takes it, so the 304 names that one. */
function conditional(request: Request, status: number, headers: Headers, gzipForm: boolean): Response | null {
  if (status !== 200) return null;
  const etag = headers.get("ETag");
  const modified = headers.get("Last-Modified");
  if (etag === null || !notModified(request, etag, modified === null ? null : new Date(modified))) return null;
  // A 304 carries the validators and caching headers the 200 would have, and no body (RFC 9110 §15.4.5).
  headers.delete("Content-Type");
  if (gzipForm && acceptsGzip(request)) headers.set("ETag", gzipEtag(etag));
  return new Response(null, { status: 304, headers });
}
