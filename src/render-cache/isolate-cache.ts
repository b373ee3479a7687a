/**
 * The isolate's own cache of rendered responses: a least-recently-used map bounded in bytes, so a
 * busy isolate answers repeat requests without touching KV, the Cache API or the renderer, and a
 * large site cannot push the isolate past its memory limit.
 */
import { entryBytes, type ResponseEntry } from "../http/response-entry.ts";

const HEADER_ALLOWANCE = 2048;

export class IsolateCache {
  // A Map iterates in insertion order; re-inserting on every hit keeps the least recent first.
  readonly #entries = new Map<string, ResponseEntry>();
  #bytes = 0;
  #release: string | null = null;

  constructor(readonly maxBytes: number) {}

  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): ResponseEntry | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: ResponseEntry): void {
    // Entries of a release this isolate has moved past can never be asked for again: drop them all
    // at once rather than waiting for them to age out.
    if (entry.release !== this.#release) {
      this.clear();
      this.#release = entry.release;
    }
    const size = sizeOf(key, entry);
    if (size > this.maxBytes) return;
    this.delete(key);
    this.#entries.set(key, entry);
    this.#bytes += size;
    for (const [oldest, old] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= sizeOf(oldest, old);
    }
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#entries.delete(key);
    this.#bytes -= sizeOf(key, entry);
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }
}

/**
 * Body bytes (both forms) plus the key and a fixed allowance for the headers kept with the entry:
 * the stored list and up to four prepared Headers (gzip or not, HTTPS or not; see cache-entry.ts).
 */
function sizeOf(key: string, entry: ResponseEntry): number {
  return entryBytes(entry) + key.length * 2 + HEADER_ALLOWANCE;
}
