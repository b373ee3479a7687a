/**
 * Holds the live release in the isolate for a few seconds, so most requests read no KV at all.
 * Never goes backwards: once an isolate has seen release N it ignores an older pointer that KV's
 * eventual consistency may still return from another cache. When KV fails or the pointer turns
 * unreadable, it keeps serving the release it already has (and says why in the log).
 */
import type { Release } from "../model/release.ts";
import { KV_READ_TIMEOUT_MS, type KvReader, readCurrentRelease, StoreUnavailable } from "./read.ts";

export class ReleaseCache {
  #release: Release | null = null;
  #checkedAt = Number.NEGATIVE_INFINITY;
  #pending: Promise<Release | null> | null = null;

  constructor(
    private readonly ttlMs: number,
    private readonly readTimeoutMs = KV_READ_TIMEOUT_MS,
  ) {}

  async get(kv: KvReader, now: number): Promise<Release | null> {
    if (now - this.#checkedAt < this.ttlMs) return this.#release;
    // Concurrent requests in one isolate share a single KV read.
    this.#pending ??= readCurrentRelease(kv, this.readTimeoutMs).finally(() => {
      this.#pending = null;
    });
    let fresh: Release | null;
    try {
      fresh = await this.#pending;
    } catch (error) {
      if (!(error instanceof StoreUnavailable) || this.#release === null) throw error;
      console.error(`serving release ${this.#release.id} held in memory: ${error.message}`);
      this.#checkedAt = now;
      return this.#release;
    }
    if (fresh === null && this.#release !== null) {
      console.error(`the release pointer is missing from KV; serving release ${this.#release.id} held in memory`);
    }
    if (fresh !== null && (this.#release === null || fresh.seq >= this.#release.seq)) this.#release = fresh;
    this.#checkedAt = now;
    return this.#release;
  }
}
