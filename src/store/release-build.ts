/**
 * From a site build to a release: every key's answers packed into buckets, each bucket addressed by
 * the hash of its text, and the small pointer record that names them all. Only the texts of values
 * KV does not hold yet are kept (they are what a publish writes); the rest are hashed and let go.
 */
import type { SiteBuild } from "../compile/types.ts";
import { RELEASE_FORMAT, type Release } from "../model/release.ts";
import { HASHING } from "./bucket-key.ts";
import { type BucketTarget, type PackedValue, type PackMemo, packBuckets } from "./buckets.ts";
import { sha256Hex } from "./hash.ts";
import { CURRENT_KEY, valueKey } from "./keys.ts";
import { KvLimitError, limitProblem } from "./kv-limits.ts";
import { timelinesOf } from "./timelines.ts";

export interface PreparedRelease {
  release: Release;
  /** The release as stored (pointer and history hold the same record). */
  releaseJson: string;
  /** The values KV does not hold yet, by hash: what a publish writes. */
  values: Map<string, string>;
  /** Every key with a short signature of its answers, and whether it is a page (not only a redirect). */
  keys: Map<string, { signature: number; page: boolean }>;
  /** True when the content is exactly what is live: nothing to write. */
  same: boolean;
}

/** Value hashes are the first 128 bits of SHA-256: unique enough, and short in the pointer. */
const HASH_CHARS = 32;

export interface PrepareOptions {
  /** Digest of the media published beside the release (see model/release.ts). */
  media?: string;
  /** Whether KV already holds the value with this hash (its text is then not kept). */
  stored?: (hash: string) => boolean;
  /** A watching process's memory of the last pack: unchanged values are not encoded or hashed again. */
  memo?: PackMemo;
  /** The buckets' size (buckets.ts): a local preview's are smaller than a reader's site's. */
  bucketBytes?: BucketTarget;
}

export async function prepareRelease(
  build: SiteBuild,
  previous: Release | null,
  now: Date,
  options: PrepareOptions = {},
): Promise<PreparedRelease> {
  const timelines = timelinesOf(build);
  const pages = new Set(
    [...timelines].filter(([, answers]) => answers.some((a) => a[1] !== "redirect" && a[1] !== "gone")).map(([key]) => key),
  );
  const values = new Map<string, string>();
  const keys = new Map<string, { signature: number; page: boolean }>();
  const problems: string[] = [];
  const buckets: string[] = [];
  const solo: Record<string, string> = {};
  const take = async (value: PackedValue) => {
    let hash = value.hash;
    if (hash === undefined) {
      hash = (await sha256Hex(value.text)).slice(0, HASH_CHARS);
      const label = typeof value.place === "number" ? `bucket ${value.place}` : value.place;
      const problem = limitProblem(valueKey(hash), value.text);
      if (problem !== null) problems.push(`${label}: ${problem}`);
      else options.memo?.hashed(value.place, hash);
    }
    if (!options.stored?.(hash)) values.set(hash, value.text);
    if (typeof value.place === "number") buckets[value.place] = hash;
    else solo[value.place] = hash;
    for (const [key, signature] of value.signatures) keys.set(key, { signature, page: pages.has(key) });
  };
  await packBuckets(timelines, previous?.buckets.length ?? null, take, options.memo, options.bucketBytes);
  if (problems.length > 0) throw new KvLimitError(problems);

  const boundaries = build.later.map((step) => step.from);
  const content = {
    format: RELEASE_FORMAT,
    hashing: HASHING,
    site: build.site,
    buckets,
    solo,
    boundaries,
    media: options.media ?? "",
    ...(build.preview ? { preview: true as const } : {}),
  };
  const id = (await sha256Hex(JSON.stringify(content))).slice(0, HASH_CHARS);
  const release: Release = { ...content, format: RELEASE_FORMAT, id, seq: (previous?.seq ?? 0) + 1, createdAt: now.toISOString() };
  const releaseJson = JSON.stringify(release);
  const pointerProblem = limitProblem(CURRENT_KEY, releaseJson);
  if (pointerProblem !== null) throw new KvLimitError([`the release pointer: ${pointerProblem}`]);
  return { release, releaseJson, values, keys, same: previous?.id === id };
}
