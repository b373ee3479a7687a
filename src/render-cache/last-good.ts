/**
 * Stale-if-error inside the Worker: the last good answer this isolate gave for each address (path and
 * query: `/?s=term` is not `/`), kept so that when KV fails the visitor still gets the page (RFC
 * 5861's stale-if-error, done by the origin).
 * It holds the render cache's own entries, so a page kept here costs no second copy while that
 * cache still has it. Bounded by entry count and bytes, least recently used first out.
 */
import { answer } from "../http/answer.ts";
import { CACHE_POLICY } from "../http/cache-policy.ts";
import { entryBytes, type ResponseEntry } from "../http/response-entry.ts";
import { MEMORY_BUDGET } from "./memory-budget.ts";

export interface FallbackStore {
  /** Called with the entry behind every successful GET; `key` is the request's path and query. */
  remember(key: string, entry: ResponseEntry): void;
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
  readonly #entries = new Map<string, ResponseEntry>();
  #bytes = 0;

  constructor(
    private readonly maxEntries = 512,
    private readonly maxBytes = MEMORY_BUDGET.lastGood,
  ) {}

  remember(key: string, entry: ResponseEntry): void {
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
    return entry === undefined ? null : answer(request, entry, STALE_HEADERS);
  }

  #drop(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#bytes -= entryBytes(entry);
    this.#entries.delete(key);
  }
}
