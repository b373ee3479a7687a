/**
 * Packs every key's answers into buckets: a power-of-two number of KV values, chosen from the site's
 * size and kept across publishes unless the site outgrows it (or shrinks far below it), so an edit
 * rewrites only the buckets whose keys changed. A key too large to share a bucket gets a value of
 * its own. Deterministic: the same keys give the same texts, so unchanged buckets are never rewritten.
 */
import type { Answer } from "../model/release.ts";
import { encodeBucket } from "./bucket-format.ts";
import { bucketOf } from "./bucket-key.ts";
import { utf8Bytes } from "./kv-limits.ts";
import type { PendingAnswer, Timelines } from "./timelines.ts";

/** Above this average a site's buckets double in number; below the low mark they halve. */
export const BUCKET_TARGET_BYTES = { high: 384 * 1024, low: 64 * 1024 };
/** No bucket may be larger: a request reads the pointer and one bucket, at most 1 MiB in all. */
export const MAX_BUCKET_BYTES = 900 * 1024;
/** A key whose answers alone are this large is stored in a value of its own. */
export const SOLO_BYTES = 256 * 1024;
/** More buckets than this would cost more writes than a day of KV's free plan allows for a first publish. */
const MAX_BUCKETS = 1 << 12;

export interface Packed {
  /** Bucket texts by index; a key lives in bucket `bucketOf(key, buckets.length)`. */
  buckets: string[];
  /** Keys stored alone, with their value's text (a bucket of one key). */
  solo: Map<string, string>;
}

export function packBuckets(timelines: Timelines, previousCount: number | null): Packed {
  const sizes = new Map<string, number>();
  let total = 0;
  for (const [key, answers] of timelines) {
    const size = sizeOf(key, answers);
    sizes.set(key, size);
    total += size;
  }
  const solo = new Map<string, string>();
  for (const [key, size] of sizes) {
    if (size >= SOLO_BYTES) solo.set(key, encode(new Map([[key, timelines.get(key) ?? []]])));
  }
  let count = bucketCount(total, previousCount);
  for (;;) {
    const groups = Array.from({ length: count }, () => new Map<string, PendingAnswer[]>());
    for (const [key, answers] of timelines) if (!solo.has(key)) groups[bucketOf(key, count)]?.set(key, answers);
    const buckets = groups.map(encode);
    if (count >= MAX_BUCKETS || buckets.every((b) => b.length * 3 <= MAX_BUCKET_BYTES || utf8Bytes(b) <= MAX_BUCKET_BYTES)) {
      return { buckets, solo };
    }
    count *= 2;
  }
}

/** Power-of-two bucket count for a site of `total` bytes, staying at `previous` while it still fits. */
export function bucketCount(total: number, previous: number | null): number {
  let count = previous !== null && previous > 0 && (previous & (previous - 1)) === 0 ? previous : 1;
  while (total / count > BUCKET_TARGET_BYTES.high && count < MAX_BUCKETS) count *= 2;
  while (count > 1 && total / count < BUCKET_TARGET_BYTES.low) count /= 2;
  return count;
}

/** A bucket's text: its keys' answers with each distinct model stored once. */
function encode(keys: ReadonlyMap<string, readonly PendingAnswer[]>): string {
  const models: string[] = [];
  const index = new Map<string, number>();
  const out = new Map<string, Answer[]>();
  for (const [key, answers] of keys) {
    out.set(
      key,
      answers.map((a): Answer => {
        if (a[1] === "redirect" || a[1] === "gone") return a;
        let at = index.get(a[2]);
        if (at === undefined) {
          at = models.length;
          models.push(a[2]);
          index.set(a[2], at);
        }
        return [a[0], a[1], at];
      }),
    );
  }
  return encodeBucket(out, models);
}

function sizeOf(key: string, answers: readonly PendingAnswer[]): number {
  let size = key.length + 16;
  for (const a of answers) size += 24 + (a[1] === "gone" ? 0 : a[2].length);
  return size;
}
