/** An in-memory KvPort that records every write and delete, for store and CLI tests without a runtime. */
import type { KvEntry, KvPort } from "../../../src/store/kv-port.ts";

export class MemoryKv implements KvPort {
  readonly data = new Map<string, string>();
  readonly writes: string[] = [];
  readonly deletes: string[] = [];

  async get(key: string): Promise<string | null> {
    return this.data.get(key) ?? null;
  }
  async putMany(entries: readonly KvEntry[]): Promise<void> {
    for (const { key, value } of entries) {
      this.data.set(key, value);
      this.writes.push(key);
    }
  }
  async deleteMany(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      this.data.delete(key);
      this.deletes.push(key);
    }
  }
  async list(prefix: string): Promise<string[]> {
    return [...this.data.keys()].filter((k) => k.startsWith(prefix)).sort();
  }
}
