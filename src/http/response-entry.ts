/**
 * A response as the Worker keeps and answers it: the bytes, their gzip form, and the few headers that
 * describe them. Every answer is made from an entry (a fresh one for a rendered page, a kept one on a
 * cache hit), so conditional requests, content coding and security headers are decided once, in
 * answer.ts, for both.
 */
import { CACHE_POLICY, cappedPolicy, edgePolicy, releaseTag } from "./cache-policy.ts";
import { strongEtag } from "./conditional.ts";
import { gzip, isCompressible } from "./content-coding.ts";
import type { Reply } from "./reply.ts";

export interface ResponseEntry {
  /** Id of the release the response was rendered from; null for answers that need none. */
  release: string | null;
  status: number;
  /** Those of KEPT_HEADERS the response has. */
  headers: Array<[KeptHeader, string]>;
  /**
   * The body, or null when only its gzip form is kept: a page is held compressed (a quarter of the
   * memory), and the rare client that cannot take gzip gets it decompressed as it is sent.
   */
  body: Uint8Array | null;
  /** The body gzipped, or null when it is not worth compressing (small, binary, or no body). */
  gzip: Uint8Array | null;
}

/**
 * The headers an entry keeps: what describes the bytes, and the page's own Content-Security-Policy.
 * Anything else (a Date, the security headers for HTTPS or not) is added per answer.
 */
export const KEPT_HEADERS = [
  "content-type",
  "cache-control",
  "cloudflare-cdn-cache-control",
  "cache-tag",
  "etag",
  "location",
  "content-security-policy",
  "retry-after",
] as const;
export type KeptHeader = (typeof KEPT_HEADERS)[number];

/** Statuses worth keeping: the page, a 404 and a permanent redirect are all stable per release. */
const CACHEABLE_STATUS = new Set([200, 301, 308, 404]);

const encoder = new TextEncoder();

/** The entry for a route's reply, with its validator and gzip form made now. */
export async function entryFor(reply: Reply, release: string | null, now: number): Promise<ResponseEntry> {
  const body = reply.body === null ? new Uint8Array(0) : typeof reply.body === "string" ? encoder.encode(reply.body) : reply.body;
  const headers: Array<[KeptHeader, string]> = [];
  if (reply.type !== null) headers.push(["content-type", reply.type]);
  const expires = reply.expiresAt ?? null;
  headers.push(["cache-control", expires === null ? CACHE_POLICY[reply.policy] : cappedPolicy(reply.policy, (expires - now) / 1000)]);
  const edge = CACHEABLE_STATUS.has(reply.status) ? edgePolicy(reply.policy, expires === null ? null : (expires - now) / 1000) : null;
  if (edge !== null) headers.push(["cloudflare-cdn-cache-control", edge]);
  if (edge !== null && release !== null) headers.push(["cache-tag", releaseTag(release)]);
  // Every page, feed and file carries a strong validator, so a browser's revalidation costs a 304.
  if (hasBody(reply.status) && reply.status < 500) headers.push(["etag", await strongEtag(body)]);
  if (reply.location !== undefined) headers.push(["location", reply.location]);
  if (reply.csp !== undefined) headers.push(["content-security-policy", reply.csp]);
  if (reply.retryAfter !== undefined) headers.push(["retry-after", String(reply.retryAfter)]);
  return entryOf(release, reply.status, headers, body);
}

/** An entry for these bytes and headers (as kept in a cache), with their gzip form made now when worth it. */
export async function entryOf(
  release: string | null,
  status: number,
  headers: Array<[KeptHeader, string]>,
  body: Uint8Array,
): Promise<ResponseEntry> {
  const type = headerOf({ headers }, "content-type");
  const compressed = hasBody(status) && isCompressible(type, body.byteLength) ? await gzip(body) : null;
  // Keep the gzip form only where it saves something (already-dense text can come out larger).
  if (compressed !== null && compressed.byteLength < body.byteLength) return { release, status, headers, body: null, gzip: compressed };
  return { release, status, headers, body, gzip: null };
}

/** Whether caches may keep the entry: a stable status, and a policy that lets them. */
export function isCacheable(entry: ResponseEntry): boolean {
  if (!CACHEABLE_STATUS.has(entry.status)) return false;
  return !/\b(no-store|private)\b/.test(headerOf(entry, "cache-control") ?? "");
}

/** Bytes an entry holds, for the caches' budgets. */
export function entryBytes(entry: ResponseEntry): number {
  return (entry.body?.byteLength ?? 0) + (entry.gzip?.byteLength ?? 0);
}

export function headerOf(entry: Pick<ResponseEntry, "headers">, name: KeptHeader): string | null {
  return entry.headers.find(([n]) => n === name)?.[1] ?? null;
}

export function hasBody(status: number): boolean {
  return status !== 301 && status !== 302 && status !== 308;
}
