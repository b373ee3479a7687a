/**
 * KvPort over a Workers KV binding: the local store the CLI gets from wrangler's platform proxy, and
 * the binding tests use inside workerd. Typed structurally so both runtimes' KV types fit.
 */
import type { KvPort } from "./kv-port.ts";

export interface KvBinding {
  get(key: string, type: "text"): Promise<string | null>;
  put(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  list(options: { prefix: string; cursor?: string }): Promise<{
    keys: Array<{ name: string }>;
    list_complete: boolean;
    cursor?: string;
  }>;
}

/** How many writes go to the binding at once: enough to overlap round trips, few enough to stay gentle. */
const CONCURRENCY = 16;

export function bindingPort(kv: KvBinding): KvPort {
  return {
    get: (key) => kv.get(key, "text"),
    async putMany(entries) {
      await inBatches(entries, (e) => kv.put(e.key, e.value));
    },
    async deleteMany(keys) {
      await inBatches(keys, (k) => kv.delete(k));
    },
    async list(prefix) {
      const keys: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await kv.list(cursor === undefined ? { prefix } : { prefix, cursor });
        for (const k of page.keys) keys.push(k.name);
        cursor = page.list_complete ? undefined : page.cursor;
      } while (cursor !== undefined);
      return keys;
    },
  };
}

async function inBatches<T>(items: readonly T[], run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += CONCURRENCY) {
    await Promise.all(items.slice(i, i + CONCURRENCY).map(run));
  }
}
