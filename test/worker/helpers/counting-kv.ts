/** A KV binding that records every key read, so tests can count what a request costs. */
import { CURRENT_KEY } from "../../../src/store/keys.ts";

export interface CountingKv {
  kv: KVNamespace;
  /** Every key read, in order. */
  reads: string[];
  /** Reads of anything but the release pointer: page models. */
  blobReads(): number;
  reset(): void;
  /** From now on, answer the pointer with this text instead (KV still serving an older value). */
  pinPointer(text: string | null): void;
}

export function countingKv(inner: KVNamespace): CountingKv {
  const reads: string[] = [];
  let pinned: string | null = null;
  const kv = {
    get(key: string, type?: unknown) {
      reads.push(key);
      if (key === CURRENT_KEY && pinned !== null) return Promise.resolve(pinned);
      return inner.get(key, type as "text");
    },
  };
  return {
    // Only `get` is used on a request; anything else would throw here and fail the test loudly.
    kv: kv as unknown as KVNamespace,
    reads,
    blobReads: () => reads.filter((key) => key !== CURRENT_KEY).length,
    reset: () => {
      reads.length = 0;
    },
    pinPointer: (text) => {
      pinned = text;
    },
  };
}
