/**
 * What the publisher needs of a KV namespace. The Worker binding, Miniflare's local store and the
 * Cloudflare REST API each provide it, so the publish logic is the same for all three.
 */
export interface KvEntry {
  key: string;
  value: string;
}

export interface KvPort {
  get(key: string): Promise<string | null>;
  /** Writes many pairs; implementations split into batches within KV's bulk limits. */
  putMany(entries: readonly KvEntry[]): Promise<void>;
  /**
   * Writes `first`, then `then` once all of `first` is stored, in one call where the store allows it
   * (the local store: one round trip instead of two, on the way to a save going live). Optional:
   * without it the caller makes the two putMany calls itself.
   */
  putThen?(first: readonly KvEntry[], then: readonly KvEntry[]): Promise<void>;
  deleteMany(keys: readonly string[]): Promise<void>;
  /** Every key under a prefix (used by maintenance, never on a request). */
  list(prefix: string): Promise<string[]>;
}
