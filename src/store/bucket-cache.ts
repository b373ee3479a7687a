/**
 * Buckets an isolate has read, kept by their (immutable) value hash so that the next cold page in the
 * same bucket costs no KV read. Bounded in bytes, least recently used first out; part of the isolate's
 * memory budget for the site (see routes/memory-budget.ts). Only buckets already read are shared
 * between requests: workerd ties a KV read to the request that made it, so another request must not
 * await it.
 */
import type { Bucket } from "./bucket-format.ts";

export class BucketCache {
  // A Map iterates in insertion order; re-inserting on every hit keeps the least recent first.
  readonly #entries = new Map<string, Bucket>();
  #bytes = 0;

  constructor(readonly maxBytes: number) {}

  get bytes(): number {
    return this.#bytes;
  }

  get(hash: string): Bucket | undefined {
    const bucket = this.#entries.get(hash);
    if (bucket !== undefined) {
      this.#entries.delete(hash);
      this.#entries.set(hash, bucket);
    }
    return bucket;
  }

  set(hash: string, bucket: Bucket): void {
    const size = bucket.bytes.byteLength;
    if (size > this.maxBytes || this.#entries.has(hash)) return;
    this.#entries.set(hash, bucket);
    this.#bytes += size;
    for (const [oldest, old] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= old.bytes.byteLength;
    }
  }
}
