/**
 * From a site build to a release: every key's answers packed into buckets, each bucket addressed by
 * the hash of its text, and the small pointer record that names them all.
 */
import type { SiteBuild } from "../compile/types.ts";
import { RELEASE_FORMAT, type Release } from "../model/release.ts";
import { packBuckets } from "./buckets.ts";
import { sha256Hex } from "./hash.ts";
import { CURRENT_KEY, valueKey } from "./keys.ts";
import { KvLimitError, limitProblem } from "./kv-limits.ts";
import { type Timelines, timelinesOf } from "./timelines.ts";

export interface PreparedRelease {
  release: Release;
  /** The release as stored (pointer and history hold the same record). */
  releaseJson: string;
  /** Every value the release names, by hash: a publish writes the ones KV does not hold yet. */
  values: Map<string, string>;
  /** Each key's answers, for telling what changed since the previous release. */
  timelines: Timelines;
  /** True when the content is exactly what is live: nothing to write. */
  same: boolean;
}

/** Value hashes are the first 128 bits of SHA-256: unique enough, and short in the pointer. */
const HASH_CHARS = 32;

/** `media`: digest of the media files published beside the release (see model/release.ts). */
export async function prepareRelease(build: SiteBuild, previous: Release | null, now: Date, media = ""): Promise<PreparedRelease> {
  const timelines = timelinesOf(build);
  const packed = packBuckets(timelines, previous?.buckets.length ?? null);
  const values = new Map<string, string>();
  const problems: string[] = [];
  const store = async (label: string, text: string): Promise<string> => {
    const hash = (await sha256Hex(text)).slice(0, HASH_CHARS);
    const problem = limitProblem(valueKey(hash), text);
    if (problem !== null) problems.push(`${label}: ${problem}`);
    values.set(hash, text);
    return hash;
  };
  const buckets: string[] = [];
  for (const [i, text] of packed.buckets.entries()) buckets.push(await store(`bucket ${i}`, text));
  const solo: Record<string, string> = {};
  for (const [key, text] of [...packed.solo].sort(([a], [b]) => (a < b ? -1 : 1))) solo[key] = await store(key, text);
  if (problems.length > 0) throw new KvLimitError(problems);

  const boundaries = build.later.map((step) => step.from);
  const content = { format: RELEASE_FORMAT, site: build.site, buckets, solo, boundaries, media };
  const id = (await sha256Hex(JSON.stringify(content))).slice(0, HASH_CHARS);
  const release: Release = { ...content, format: RELEASE_FORMAT, id, seq: (previous?.seq ?? 0) + 1, createdAt: now.toISOString() };
  const releaseJson = JSON.stringify(release);
  const pointerProblem = limitProblem(CURRENT_KEY, releaseJson);
  if (pointerProblem !== null) throw new KvLimitError([`the release pointer: ${pointerProblem}`]);
  return { release, releaseJson, values, timelines, same: previous?.id === id };
}
