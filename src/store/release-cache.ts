/**
 * Holds the live release in the isolate for a few seconds, so most requests read no KV at all.
 * Never goes backwards: once an isolate has seen release N it ignores an older pointer that KV's
 * eventual consistency may still return from another cache.
 */
import type { Release } from "../model/release.ts";
import { readCurrentRelease } from "./read.ts";

export class ReleaseCache {
  #release: Release | null = null;
  #checkedAt = Number.NEGATIVE_INFINITY;
  #pending: Promise<Release | null> | null = null;

  constructor(private readonly ttlMs: number) {}

  async get(kv: KVNamespace, now: number): Promise<Release | null> {
    if (now - this.#checkedAt < this.ttlMs) return this.#release;
    // Concurrent requests in one isolate share a single KV read.
    this.#pending ??= readCurrentRelease(kv).finally(() => {
      this.#pending = null;
    });
    const fresh = await this.#pending;
    if (fresh !== null && (this.#release === null || fresh.seq >= this.#release.seq)) this.#release = fresh;
    this.#checkedAt = now;
    return this.#release;
  }
}
