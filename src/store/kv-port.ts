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
  deleteMany(keys: readonly string[]): Promise<void>;
  /** Every key under a prefix (used by maintenance, never on a request). */
  list(prefix: string): Promise<string[]>;
}
