/**
 * The Worker's reads from KV: the live release pointer, and the bucket values it names. Every read is
 * bounded in time, and every way KV can fail (throws, hangs, missing or corrupt value) becomes a
 * StoreUnavailable naming the key and the reason, so the app answers 503 (or a last good copy), never 500.
 */
import type { Release } from "../model/release.ts";
import { type Bucket, decodeBucket } from "./bucket-format.ts";
import { CURRENT_KEY, valueKey } from "./keys.ts";
import { parseRelease } from "./release-codec.ts";

/** KV could not give a usable answer: the site cannot be served right now (503, never 500). */
export class StoreUnavailable extends Error {
  constructor(reason: string, options?: ErrorOptions) {
    super(reason, options);
    this.name = "StoreUnavailable";
  }
}

/** What reading the release pointer needs of a KV binding. */
export interface KvTextReader {
  get(key: string, type: "text"): Promise<string | null>;
}

/** What the Worker needs of its KV binding; tests wrap the real binding to count reads or inject faults. */
export interface KvReader extends KvTextReader {
  get(key: string, type: "text"): Promise<string | null>;
  get(key: string, type: "arrayBuffer"): Promise<ArrayBuffer | null>;
}

/**
 * How long one KV read may take before the request gives up on it. KV answers in milliseconds from a
 * warm cache and well under a second from storage; a read still pending after this is not coming back
 * in time for a visitor who is waiting.
 */
export const KV_READ_TIMEOUT_MS = 2_000;

/** A release with the exact text it was read from. */
export interface ReadRelease {
  text: string;
  release: Release;
}

/**
 * The live release (null when nothing has been published yet), reusing `held` when the pointer still
 * holds the same text: an isolate rechecks the pointer every few seconds while it rarely changes.
 */
export async function readCurrentReleaseSince(
  kv: KvTextReader,
  held: ReadRelease | null,
  timeoutMs = KV_READ_TIMEOUT_MS,
): Promise<ReadRelease | null> {
  const text = await bounded(CURRENT_KEY, timeoutMs, () => kv.get(CURRENT_KEY, "text"));
  if (text === null) return null;
  if (held !== null && held.text === text) return held;
  const release = parseRelease(text);
  if (release === null) throw new StoreUnavailable(`the release pointer ${CURRENT_KEY} is not a valid release`);
  return { text, release };
}

/** A bucket value, its header parsed; its models are read one at a time (bucket-format.ts). */
export async function readBucket(kv: KvReader, hash: string, timeoutMs = KV_READ_TIMEOUT_MS): Promise<Bucket> {
  const key = valueKey(hash);
  const bytes = await bounded(key, timeoutMs, () => kv.get(key, "arrayBuffer"));
  if (bytes === null) throw new StoreUnavailable(`${key} is missing from KV`);
  try {
    return decodeBucket(new Uint8Array(bytes));
  } catch (cause) {
    throw new StoreUnavailable(`${key} is not a valid bucket`, { cause });
  }
}

/** A KV read that gives up after `timeoutMs`; any failure becomes a StoreUnavailable naming the key. */
export async function bounded<T>(key: string, timeoutMs: number, read: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreUnavailable(`KV read of ${key} took longer than ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([read(), timeout]);
  } catch (cause) {
    if (cause instanceof StoreUnavailable) throw cause;
    throw new StoreUnavailable(`KV read of ${key} failed`, { cause });
  } finally {
    if (timer !== null) clearTimeout(timer);
  }
}
