/**
 * Stale-if-error inside the Worker: the last good page this isolate served for each path, kept so
 * that when KV fails the visitor still gets the page (RFC 5861's stale-if-error, done by the origin).
 * Bounded by entry count and bytes, least recently used first out. The app talks to it through
 * `FallbackStore`, so a shared edge cache can take its place without touching the error handling.
 */
import { CACHE_POLICY } from "./cache-policy.ts";

export interface FallbackStore {
  /** Called with every successful GET response; must not consume the response's body. */
  remember(key: string, response: Response): Promise<void>;
  /** A fresh copy of the last good response for the key, or null. */
  recall(key: string): Response | null;
}

interface Entry {
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
  etag: string | null;
}

/** Marks a response served from the fallback, for operators reading logs and for tests. */
export const STALE_HEADER = "X-Stale-Copy";

export class LastGoodResponses implements FallbackStore {
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;

  constructor(
    private readonly maxEntries = 512,
    private readonly maxBytes = 16 * 1024 * 1024,
  ) {}

  async remember(key: string, response: Response): Promise<void> {
    const etag = response.headers.get("ETag");
    const known = this.#entries.get(key);
    if (known && etag !== null && known.etag === etag) {
      // Same bytes as held already: just mark it recently used, without copying the body.
      this.#entries.delete(key);
      this.#entries.set(key, known);
      return;
    }
    const body = await response.clone().arrayBuffer();
    if (body.byteLength > this.maxBytes / 8) return;
    this.#drop(key);
    this.#entries.set(key, { status: response.status, headers: [...response.headers], body, etag });
    this.#bytes += body.byteLength;
    while (this.#entries.size > this.maxEntries || this.#bytes > this.maxBytes) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#drop(oldest);
    }
  }

  recall(key: string): Response | null {
    const entry = this.#entries.get(key);
    if (!entry) return null;
    const headers = new Headers(entry.headers);
    // The copy may be older than what is published now: let no cache keep it.
    headers.set("Cache-Control", CACHE_POLICY.none);
    headers.set(STALE_HEADER, "1");
    return new Response(entry.body.slice(0), { status: entry.status, headers });
  }

  #drop(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#bytes -= entry.body.byteLength;
    this.#entries.delete(key);
  }
}
