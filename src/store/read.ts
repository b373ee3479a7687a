/**
 * The Worker's reads from KV: the live release, and the page models it points to. Every read is
 * bounded in time, and every way KV can fail (throws, hangs, missing or corrupt value) becomes a
 * StoreUnavailable naming the key and the reason, so the app answers 503 (or a last good copy), never 500.
 */
import type { PageModel, SearchDocs, SearchShard } from "../model/page-models.ts";
import type { Release, View } from "../model/release.ts";
import { blobKey, CURRENT_KEY } from "./keys.ts";
import { parseRelease } from "./release-codec.ts";

/** KV could not give a usable answer: the site cannot be served right now (503, never 500). */
export class StoreUnavailable extends Error {
  constructor(reason: string, options?: ErrorOptions) {
    super(reason, options);
    this.name = "StoreUnavailable";
  }
}

/** What the Worker needs of its KV binding; tests wrap the real binding to inject faults. */
export interface KvReader {
  get(key: string, type: "text"): Promise<string | null>;
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
 * holds the same text: on a large site the pointer is megabytes of JSON, and an isolate rechecks it
 * every few seconds while it rarely changes. Comparing the text costs far less than parsing it again.
 */
export async function readCurrentReleaseSince(
  kv: KvReader,
  held: ReadRelease | null,
  timeoutMs = KV_READ_TIMEOUT_MS,
): Promise<ReadRelease | null> {
  const text = await readText(kv, CURRENT_KEY, timeoutMs);
  if (text === null) return null;
  if (held !== null && held.text === text) return held;
  const release = parseRelease(text);
  if (release === null) throw new StoreUnavailable(`the release pointer ${CURRENT_KEY} is not a valid release`);
  return { text, release };
}

const KIND_OF_VIEW: Record<View, PageModel["kind"]> = {
  post: "post",
  list: "list",
  rss: "feed",
  atom: "feed",
  json: "feed",
  file: "file",
  sitemap: "sitemap",
};

export async function readModel(kv: KvReader, view: View, hash: string, timeoutMs = KV_READ_TIMEOUT_MS): Promise<PageModel> {
  return (await readBlob(kv, hash, KIND_OF_VIEW[view], timeoutMs)) as PageModel;
}

/** A search shard or a chunk of search documents. */
export async function readSearchBlob<K extends "search-shard" | "search-docs">(
  kv: KvReader,
  hash: string,
  kind: K,
  timeoutMs = KV_READ_TIMEOUT_MS,
): Promise<K extends "search-shard" ? SearchShard : SearchDocs> {
  return (await readBlob(kv, hash, kind, timeoutMs)) as K extends "search-shard" ? SearchShard : SearchDocs;
}

async function readBlob(kv: KvReader, hash: string, kind: string, timeoutMs: number): Promise<unknown> {
  const key = blobKey(hash);
  const text = await readText(kv, key, timeoutMs);
  if (text === null) throw new StoreUnavailable(`${key} is missing from KV`);
  let model: unknown;
  try {
    model = JSON.parse(text);
  } catch (cause) {
    throw new StoreUnavailable(`${key} is not valid JSON`, { cause });
  }
  if (typeof model !== "object" || model === null || (model as { kind?: unknown }).kind !== kind) {
    throw new StoreUnavailable(`${key} is not a ${kind} model`);
  }
  return model;
}

async function readText(kv: KvReader, key: string, timeoutMs: number): Promise<string | null> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreUnavailable(`KV read of ${key} took longer than ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([kv.get(key, "text"), timeout]);
  } catch (cause) {
    if (cause instanceof StoreUnavailable) throw cause;
    throw new StoreUnavailable(`KV read of ${key} failed`, { cause });
  } finally {
    if (timer !== null) clearTimeout(timer);
  }
}
