/**
 * Packs every key's answers into buckets: a power-of-two number of KV values, chosen from the site's
 * size and kept across publishes unless the site outgrows it (or shrinks far below it), so an edit
 * rewrites only the buckets whose keys changed. A key too large to share a bucket gets a value of
 * its own. Deterministic: the same keys give the same texts, so unchanged buckets are never rewritten.
 * Buckets are made one at a time and handed on, so a large site is never held as text all at once.
 * A watching process (`npm run dev`) passes a PackMemo: a bucket whose keys and answers are exactly
 * those of the last pack is handed on as it was, text and hash, instead of being encoded again.
 */
import type { Answer } from "../model/release.ts";
import { encodeBucket } from "./bucket-format.ts";
import { bucketOf } from "./bucket-key.ts";
import { utf8Bytes } from "./kv-limits.ts";
import { ModelJsonMemo } from "./model-json.ts";
import type { PendingAnswer, Timelines } from "./timelines.ts";

/** Above this average a site's buckets double in number; below the low mark they halve. */
export const BUCKET_TARGET_BYTES: BucketTarget = { high: 384 * 1024, low: 64 * 1024 };
/**
 * A local preview's buckets (`npm run dev`) are far smaller: a save then rewrites little more than
 * the keys it changed (an edited post on a blog of 7 MB: 1.4 MB instead of 3 MB), and a reload reads
 * a small bucket. Readers' sites keep the large ones, which cost fewer KV writes on a first publish.
 */
export const PREVIEW_BUCKET_BYTES: BucketTarget = { high: 16 * 1024, low: 4 * 1024 };

export interface BucketTarget {
  high: number;
  low: number;
}
/** No bucket may be larger: a request reads the pointer and one bucket, at most 1 MiB in all. */
export const MAX_BUCKET_BYTES = 900 * 1024;
/** A key whose answers alone are this large is stored in a value of its own. */
export const SOLO_BYTES = 256 * 1024;
/** More buckets than this would cost more writes than a day of KV's free plan allows for a first publish. */
const MAX_BUCKETS = 1 << 12;

/** One packed value: a bucket (by index) or a key stored alone, with its text and its keys' signatures. */
export interface PackedValue {
  /** Bucket index, or the key of a value of its own. */
  place: number | string;
  text: string;
  /** A short hash of each key's answers (with their models' JSON): what tells a changed key from an unchanged one. */
  signatures: Map<string, number>;
  /** The hash of `text`, when a PackMemo already has it. */
  hash?: string;
}

/**
 * What the last pack made, by place: the parts each value was made from (its keys in order, their
 * answers with each model as JSON) and the value itself, with its hash once the caller has one. A
 * value is a function of those parts alone, so equal parts give the same value.
 */
export class PackMemo {
  #values = new Map<number | string, Held<PackedValue>>();
  #keys = new Map<string, Held<KeyFacts>>();
  #nextValues = new Map<number | string, Held<PackedValue>>();
  #nextKeys = new Map<string, Held<KeyFacts>>();
  /** Each model's JSON, kept while its content stays the same: an edit serialises the models it changed. */
  readonly json = new ModelJsonMemo();
  /** Values encoded anew by the last pack (the rest were handed on from memory). */
  encodedLast = 0;

  begin(): void {
    this.encodedLast = 0;
    this.json.begin();
    this.#nextValues = new Map();
    this.#nextKeys = new Map();
  }

  /** Ends a pack: what it made is what the next one compares with. */
  end(): void {
    this.#values = this.#nextValues;
    this.#keys = this.#nextKeys;
    this.json.end();
  }

  /** What is known of a key with exactly these parts: its size (else `size`'s), and its signature once a pack encoded it. */
  key(key: string, parts: string[], size: () => number): KeyFacts {
    const held = this.#keys.get(key);
    const facts = held !== undefined && sameParts(held.parts, parts) ? held.value : { size: size() };
    this.#nextKeys.set(key, { parts, value: facts });
    return facts;
  }

  /** The value last packed at `place` from exactly these parts, else `encode`'s. */
  value(place: number | string, parts: string[], encode: () => PackedValue): PackedValue {
    const held = this.#values.get(place);
    if (held !== undefined && sameParts(held.parts, parts)) {
      this.#nextValues.set(place, held);
      return held.value;
    }
    const value = encode();
    this.encodedLast++;
    this.#nextValues.set(place, { parts, value });
    return value;
  }

  /** Records the hash of the value at `place` (once it passed KV's limits), handed on with it next time. */
  hashed(place: number | string, hash: string): void {
    const held = this.#nextValues.get(place);
    if (held !== undefined) held.value = { ...held.value, hash };
  }
}

/** A key's size in its bucket (see sizeOf) and the signature of its answers. */
interface KeyFacts {
  size: number;
  signature?: number;
}

interface Held<T> {
  parts: string[];
  value: T;
}

function sameParts(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Packs `timelines` and hands each value to `take`; returns the bucket count used. */
export async function packBuckets(
  timelines: Timelines,
  previousCount: number | null,
  take: (value: PackedValue) => Promise<void>,
  memo?: PackMemo,
  target: BucketTarget = BUCKET_TARGET_BYTES,
): Promise<number> {
  memo?.begin();
  // Each model is turned into JSON once per pack (sizes, signatures and texts all read it).
  const json = new Map<unknown, string>();
  const jsonOf = (model: unknown): string => {
    let text = json.get(model);
    if (text === undefined) {
      text = JSON.stringify(model);
      json.set(model, text);
    }
    return text;
  };
  // With a memo, a model with the content of last pack's at the same key and place is not serialised again.
  const jsonAt = (key: string, at: number, model: unknown): string => {
    let text = json.get(model);
    if (text === undefined && memo !== undefined) {
      text = memo.json.text(key, at, model, JSON.stringify);
      json.set(model, text);
    }
    return text ?? jsonOf(model);
  };
  const sizes = new Map<string, number>();
  const parts = new Map<string, string[]>();
  const facts = new Map<string, KeyFacts>();
  let total = 0;
  for (const [key, answers] of timelines) {
    let size: number;
    if (memo === undefined) size = sizeOf(key, answers, jsonOf);
    else {
      const keyParts = partsOf(key, answers, jsonAt);
      parts.set(key, keyParts);
      const known = memo.key(key, keyParts, () => sizeOf(key, answers, jsonOf));
      facts.set(key, known);
      size = known.size;
    }
    sizes.set(key, size);
    total += size;
  }
  const solo = new Set([...sizes].filter(([, size]) => size >= SOLO_BYTES).map(([key]) => key));
  let count = bucketCount(total, previousCount, target);
  // A bucket over the limit (an unlucky hash) makes the whole layout double, checked before anything is taken.
  while (count < MAX_BUCKETS && largestBucket(sizes, solo, count) > MAX_BUCKET_BYTES * 0.9) count *= 2;
  const groups = Array.from({ length: count }, () => new Map<string, readonly PendingAnswer[]>());
  for (const [key, answers] of timelines) if (!solo.has(key)) groups[bucketOf(key, count)]?.set(key, answers);
  const pack = async (place: number | string, group: ReadonlyMap<string, readonly PendingAnswer[]>) => {
    if (memo === undefined) return take({ place, ...encode(group, jsonOf) });
    const groupParts = [...group.keys()].flatMap((key) => parts.get(key) ?? []);
    return take(memo.value(place, groupParts, () => ({ place, ...encode(group, jsonOf, facts) })));
  };
  for (const [i, group] of groups.entries()) await pack(i, group);
  for (const key of [...solo].sort()) await pack(key, new Map([[key, timelines.get(key) ?? []]]));
  memo?.end();
  return count;
}

/**
 * A key and its answers as strings (each model as its JSON): equal parts, equal answers and equal
 * size. A model that is the very object of the answer before is marked, as sizeOf counts it once.
 */
function partsOf(key: string, answers: readonly PendingAnswer[], jsonAt: (key: string, at: number, model: unknown) => string): string[] {
  const out = [key, String(answers.length)];
  let last: unknown;
  for (const [i, a] of answers.entries()) {
    out.push(String(a[0]), a[1]);
    if (a[1] === "redirect") out.push(a[2]);
    else if (a[1] !== "gone") {
      out.push(a[2] === last ? "=" : jsonAt(key, i, a[2]));
      last = a[2];
    }
  }
  return out;
}

/** Power-of-two bucket count for a site of `total` bytes, staying at `previous` while it still fits. */
export function bucketCount(total: number, previous: number | null, target: BucketTarget = BUCKET_TARGET_BYTES): number {
  let count = previous !== null && previous > 0 && (previous & (previous - 1)) === 0 ? previous : 1;
  while (total / count > target.high && count < MAX_BUCKETS) count *= 2;
  while (count > 1 && total / count < target.low) count /= 2;
  return count;
}

function largestBucket(sizes: ReadonlyMap<string, number>, solo: ReadonlySet<string>, count: number): number {
  const totals = new Array<number>(count).fill(0);
  for (const [key, size] of sizes) if (!solo.has(key)) totals[bucketOf(key, count)] = (totals[bucketOf(key, count)] ?? 0) + size;
  return Math.max(...totals);
}

/** A bucket's text: its keys' answers with each distinct model stored once. */
function encode(
  keys: ReadonlyMap<string, readonly PendingAnswer[]>,
  jsonOf: (model: unknown) => string,
  facts?: ReadonlyMap<string, KeyFacts>,
): Omit<PackedValue, "place"> {
  const models: string[] = [];
  const index = new Map<string, number>();
  const out = new Map<string, Answer[]>();
  const signatures = new Map<string, number>();
  for (const [key, answers] of keys) {
    const pending: Array<PendingAnswer | readonly [number, string, string]> = [];
    out.set(
      key,
      answers.map((a): Answer => {
        if (a[1] === "redirect" || a[1] === "gone") {
          pending.push(a);
          return a;
        }
        const json = jsonOf(a[2]);
        pending.push([a[0], a[1], json]);
        let at = index.get(json);
        if (at === undefined) {
          at = models.length;
          models.push(json);
          index.set(json, at);
        }
        return [a[0], a[1], at];
      }),
    );
    const known = facts?.get(key);
    const sig = known?.signature ?? signature(pending);
    if (known !== undefined) known.signature = sig;
    signatures.set(key, sig);
  }
  const text = encodeBucket(out, models);
  // A string of n UTF-16 units is at most 3n UTF-8 bytes: most buckets need no count at all.
  if (keys.size > 1 && text.length * 3 > MAX_BUCKET_BYTES && utf8Bytes(text) > MAX_BUCKET_BYTES) {
    throw new RangeError("a bucket outgrew its limit");
  }
  return { text, signatures };
}

/**
 * FNV-1a over a key's answers (models as their JSON text), part by part with a separator, so equal
 * answers give equal signatures without building (and escaping) one more copy of every model.
 */
export function signature(answers: ReadonlyArray<readonly unknown[]>): number {
  let hash = 0x811c9dc5;
  for (const answer of answers) {
    for (const part of answer) {
      const text = String(part);
      for (let i = 0; i < text.length; i++) {
        hash ^= text.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193);
      }
      hash ^= 0x1f;
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0x1e;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** An upper bound of the UTF-8 bytes a key adds to its bucket (its models are counted once each, as stored). */
function sizeOf(key: string, answers: readonly PendingAnswer[], jsonOf: (model: unknown) => string): number {
  let size = 2 * utf8Bytes(key) + 16;
  let last: unknown;
  for (const a of answers) {
    size += 24;
    if (a[1] === "redirect") size += 2 * utf8Bytes(a[2]);
    else if (a[1] !== "gone" && a[2] !== last) {
      size += utf8Bytes(jsonOf(a[2]));
      last = a[2];
    }
  }
  return size;
}
