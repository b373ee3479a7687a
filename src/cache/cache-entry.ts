/**
 * A rendered response as the caches keep it: the bytes and the few headers that describe them.
 * Answering from an entry applies the same conditional-request rules as a freshly rendered page,
 * so a browser revalidating with its ETag gets a 304 from the cache too.
 */
import { notModified } from "../http/respond.ts";

export interface CachedEntry {
  /** Id of the release the response was rendered from. */
  release: string;
  status: number;
  /** Those of KEPT_HEADERS the response had. */
  headers: Array<[string, string]>;
  body: Uint8Array;
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
  return { release, status: response.status, headers, body: new Uint8Array(await response.arrayBuffer()) };
}

export function fromEntry(request: Request, entry: CachedEntry): Response {
  const headers = new Headers(entry.headers);
  const notModifiedResponse = conditional(request, entry.status, headers);
  if (notModifiedResponse !== null) return notModifiedResponse;
  const body = entry.status === 301 || entry.status === 308 ? null : entry.body;
  return new Response(body, { status: entry.status, headers });
}

/** The response itself, or a 304 when the request's validators match it. */
export function answerConditions(request: Request, response: Response): Response {
  return conditional(request, response.status, new Headers(response.headers)) ?? response;
}

function conditional(request: Request, status: number, headers: Headers): Response | null {
  if (status !== 200) return null;
  const etag = headers.get("ETag");
  const modified = headers.get("Last-Modified");
  if (etag === null || !notModified(request, etag, modified === null ? null : new Date(modified))) return null;
  // A 304 carries the validators and caching headers the 200 would have, and no body (RFC 9110 §15.4.5).
  headers.delete("Content-Type");
  return new Response(null, { status: 304, headers });
}
