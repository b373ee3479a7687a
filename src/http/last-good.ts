/**
 * Stale-if-error inside the Worker: the last good page this isolate served for each path, kept so
 * that when KV fails the visitor still gets the page (RFC 5861's stale-if-error, done by the origin).
 * It holds the edge cache's own entries, so a page kept here costs no second copy while the edge
 * cache still has it. Bounded by entry count and bytes, least recently used first out.
 */
import { type CachedEntry, entryBytes, fromEntry } from "../cache/cache-entry.ts";
import { CACHE_POLICY } from "./cache-policy.ts";

export interface FallbackStore {
  /** Called with the entry behind every successful GET. */
  remember(key: string, entry: CachedEntry): void;
  /** The last good response for the key, answered for this request, or null. */
  recall(key: string, request: Request): Response | null;
}

/** Marks a response served from the fallback, for operators reading logs and for tests. */
export const STALE_HEADER = "X-Stale-Copy";

/** The copy may be older than what is published now: let no cache keep it. */
const STALE_HEADERS: Array<[string, string]> = [
  ["Cache-Control", CACHE_POLICY.none],
  [STALE_HEADER, "1"],
];

export class LastGoodResponses implements FallbackStore {
  readonly #entries = new Map<string, CachedEntry>();
  #bytes = 0;

  constructor(
    private readonly maxEntries = 512,
    private readonly maxBytes = 16 * 1024 * 1024,
  ) {}

  remember(key: string, entry: CachedEntry): void {
    if (this.#entries.get(key) === entry) {
      // Held already: just mark it recently used.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      return;
    }
    if (entryBytes(entry) > this.maxBytes / 8) return;
    this.#drop(key);
    this.#entries.set(key, entry);
    this.#bytes += entryBytes(entry);
    while (this.#entries.size > this.maxEntries || this.#bytes > this.maxBytes) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#drop(oldest);
    }
  }

  recall(key: string, request: Request): Response | null {
    const entry = this.#entries.get(key);
    return entry === undefined ? null : fromEntry(request, entry, STALE_HEADERS);
  }

  #drop(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#bytes -= entryBytes(entry);
    this.#entries.delete(key);
  }
}
