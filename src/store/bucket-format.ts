/**
 * The bytes of a bucket value: one line of JSON naming each key's answers over time and where each
 * model's JSON sits in the rest of the value, then the models, one after another.
 *
 *   {"k":{"/2024/05/post/":[[0,"post",0]],"/old/":[[0,"redirect","/2024/05/post/"]]},"m":[[0,1834]]}\n
 *   {"kind":"post",…}…
 *
 * A request parses the small header and one model, never the whole value: a bucket may hold dozens
 * of pages, and only one is wanted. Offsets count UTF-8 bytes after the header line.
 */
import type { Answer } from "../model/release.ts";
import { utf8Bytes } from "./kv-limits.ts";

export interface BucketHeader {
  /** Each key's answers, oldest first. */
  k: Record<string, Answer[]>;
  /** `[offset, length]` of each model's JSON. */
  m: Array<[number, number]>;
}

export interface Bucket {
  header: BucketHeader;
  /** The whole value, as read. */
  bytes: Uint8Array;
  /** Where the models start. */
  body: number;
}

/** A bucket's text from its keys' answers and the models they name (by index), deterministic for the same input. */
export function encodeBucket(keys: ReadonlyMap<string, Answer[]>, models: readonly string[]): string {
  const m: Array<[number, number]> = [];
  let offset = 0;
  for (const json of models) {
    const length = utf8Bytes(json);
    m.push([offset, length]);
    offset += length;
  }
  const k: Record<string, Answer[]> = {};
  for (const key of [...keys.keys()].sort()) k[key] = keys.get(key) ?? [];
  return `${JSON.stringify({ k, m } satisfies BucketHeader)}\n${models.join("")}`;
}

/** Reads the header of a bucket value; throws when the value is not a bucket. */
export function decodeBucket(bytes: Uint8Array): Bucket {
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) throw new TypeError("no header line");
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(0, newline))) as BucketHeader;
  if (typeof header !== "object" || header === null || typeof header.k !== "object" || !Array.isArray(header.m)) {
    throw new TypeError("not a bucket header");
  }
  return { header, bytes, body: newline + 1 };
}

/** The JSON text of model `index`. */
export function modelText(bucket: Bucket, index: number): string {
  const at = bucket.header.m[index];
  if (at === undefined) throw new TypeError(`no model ${index}`);
  const start = bucket.body + at[0];
  if (start + at[1] > bucket.bytes.byteLength) throw new TypeError(`model ${index} runs past the value`);
  return new TextDecoder().decode(bucket.bytes.subarray(start, start + at[1]));
}
