/** A KV binding that records every key read and the bytes it returned, so tests can count what a request costs. */
import { CURRENT_KEY } from "../../../src/store/keys.ts";

export interface CountingKv {
  kv: KVNamespace;
  /** Every key read, in order. */
  reads: string[];
  /** Bytes of every value read, in all. */
  bytes(): number;
  /** Reads of anything but the release pointer: buckets. */
  blobReads(): number;
  reset(): void;
  /** From now on, answer the pointer with this text instead (KV still serving an older value). */
  pinPointer(text: string | null): void;
}

export function countingKv(inner: KVNamespace): CountingKv {
  const reads: string[] = [];
  let bytes = 0;
  let pinned: string | null = null;
  const kv = {
    async get(key: string, type: "text" | "arrayBuffer" = "text") {
      reads.push(key);
      if (key === CURRENT_KEY && pinned !== null) {
        bytes += new TextEncoder().encode(pinned).byteLength;
        return pinned;
      }
      if (type === "arrayBuffer") {
        const value = await inner.get(key, "arrayBuffer");
        bytes += value?.byteLength ?? 0;
        return value;
      }
      const value = await inner.get(key, "text");
      bytes += value === null ? 0 : new TextEncoder().encode(value).byteLength;
      return value;
    },
  };
  return {
    // Only `get` is used on a request; anything else would throw here and fail the test loudly.
    kv: kv as unknown as KVNamespace,
    reads,
    bytes: () => bytes,
    blobReads: () => reads.filter((key) => key !== CURRENT_KEY).length,
    reset: () => {
      reads.length = 0;
      bytes = 0;
    },
    pinPointer: (text) => {
      pinned = text;
    },
  };
}
