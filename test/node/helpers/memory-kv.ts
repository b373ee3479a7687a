/** A KvPort held in a Map, counting writes: for store tests that need no runtime. */
import type { KvEntry, KvPort } from "../../../src/store/kv-port.ts";

export class MemoryKv implements KvPort {
  readonly data = new Map<string, string>();
  writes = 0;
  deletes = 0;

  async get(key: string): Promise<string | null> {
    return this.data.get(key) ?? null;
  }
  async putMany(entries: readonly KvEntry[]): Promise<void> {
    for (const e of entries) this.data.set(e.key, e.value);
    this.writes += entries.length;
  }
  async deleteMany(keys: readonly string[]): Promise<void> {
    for (const k of keys) this.data.delete(k);
    this.deletes += keys.length;
  }
  async list(prefix: string): Promise<string[]> {
    return [...this.data.keys()].filter((k) => k.startsWith(prefix)).sort();
  }
}
