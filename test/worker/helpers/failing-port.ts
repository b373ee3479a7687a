/**
 * A KvPort that stops after a number of single-key writes or deletes, as a publish killed at that
 * point would: every key before it is stored, none after. Bulk calls are split so a stop can land
 * in the middle of one.
 */
import type { KvPort } from "../../../src/store/kv-port.ts";

export class Interrupted extends Error {
  override name = "Interrupted";
}

export interface CountingPort extends KvPort {
  /** Writes and deletes done so far. */
  readonly used: number;
}

export function interruptAfter(inner: KvPort, budget: number): CountingPort {
  let used = 0;
  const spend = () => {
    if (used >= budget) throw new Interrupted(`stopped after ${budget} writes`);
    used++;
  };
  return {
    get used() {
      return used;
    },
    get: (key) => inner.get(key),
    list: (prefix) => inner.list(prefix),
    async putMany(entries) {
      for (const entry of entries) {
        spend();
        await inner.putMany([entry]);
      }
    },
    async deleteMany(keys) {
      for (const key of keys) {
        spend();
        await inner.deleteMany([key]);
      }
    },
  };
}
