/**
 * Holds the live release in the isolate for a few seconds, so most requests read no KV at all.
 * Never goes backwards: once an isolate has seen release N it ignores an older pointer that KV's
 * eventual consistency may still return from another cache. When KV fails or the pointer turns
 * unreadable, it keeps serving the release it already has (and says why in the log).
 */
import type { Release } from "../model/release.ts";
import { KV_READ_TIMEOUT_MS, type KvTextReader, type ReadRelease, readCurrentReleaseSince, StoreUnavailable } from "./read.ts";

export class ReleaseCache {
  #release: Release | null = null;
  /** The pointer text #release was parsed from: an unchanged pointer is not parsed again. */
  #read: ReadRelease | null = null;
  #checkedAt = Number.NEGATIVE_INFINITY;
  /** When the refresh in flight started, or null. A request cancelled mid-read never clears it, so it also expires. */
  #refreshingSince: number | null = null;

  constructor(
    private readonly ttlMs: number,
    private readonly readTimeoutMs = KV_READ_TIMEOUT_MS,
  ) {}

  /** `fresh`: ask KV now, whatever the age of the pointer held (local preview). */
  async get(kv: KvTextReader, now: number, fresh = false): Promise<Release | null> {
    if (!fresh && now - this.#checkedAt < this.ttlMs) return this.#release;
    // One request refreshes; the others keep answering from the release already held. They must not
    // await the refreshing request's read: workerd ties a KV read to the request that made it, and
    // another request awaiting it can fail with "Cannot perform I/O on behalf of a different request".
    const inFlight = this.#refreshingSince !== null && now - this.#refreshingSince < 2 * this.readTimeoutMs;
    if (inFlight && this.#release !== null) return this.#release;
    this.#refreshingSince = now;
    let read: ReadRelease | null;
    try {
      read = await readCurrentReleaseSince(kv, this.#read, this.readTimeoutMs);
    } catch (error) {
      if (!(error instanceof StoreUnavailable) || this.#release === null) throw error;
      console.error(`serving release ${this.#release.id} held in memory: ${error.message}`);
      this.#checkedAt = now;
      return this.#release;
    } finally {
      this.#refreshingSince = null;
    }
    if (read === null && this.#release !== null) {
      console.error(`the release pointer is missing from KV; serving release ${this.#release.id} held in memory`);
    }
    if (read !== null && (this.#release === null || read.release.seq >= this.#release.seq)) {
      this.#release = read.release;
      this.#read = read;
    }
    this.#checkedAt = now;
    return this.#release;
  }
}
