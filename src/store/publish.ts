/**
 * Writes a release to KV in the only safe order: every new value first, then the one pointer write
 * that makes it live. Stopped at any point before that write, the previous release is still served
 * whole, because nothing it names has changed; run again, the publish finds the values already
 * written and goes on from there. Only after the switch is the history updated and what no kept
 * release names cleaned up.
 *
 * Every write and delete counts against KV's daily allowance (1,000 of each on the free plan), so
 * the plan says how many the publish will spend, and a budget stops it before it writes anything,
 * or (`slice`) lets it write what fits today and finish on a later day.
 */
import type { SiteBuild } from "../compile/types.ts";
import type { Release } from "../model/release.ts";
import { type BucketTarget, PackMemo, PREVIEW_BUCKET_BYTES } from "./buckets.ts";
import { type Cleanup, collectGarbage, garbageOf } from "./garbage.ts";
import { addToHistory, KEEP_RELEASES, parseHistory } from "./history.ts";
import { CURRENT_KEY, HISTORY_KEY, OLD_LAYOUT_PREFIXES, VALUE_PREFIX, valueKey } from "./keys.ts";
import { utf8Bytes } from "./kv-limits.ts";
import type { KvEntry, KvPort } from "./kv-port.ts";
import { type PreparedRelease, prepareRelease } from "./release-build.ts";
import { parseRelease } from "./release-codec.ts";
import { diffKeys, diffReleases, type Plan } from "./release-diff.ts";

export type PublishProgress = { phase: "values"; done: number; total: number } | { phase: "live" } | { phase: "cleanup" };

export interface PublishOptions {
  now: Date;
  dryRun: boolean;
  /** Releases kept for rollback, the new one included. */
  keep?: number;
  /** At most this many KV writes (values, pointer, history); null for no limit. */
  budget?: number | null;
  /** With a budget too small for the whole publish, write what fits and stop before going live. */
  slice?: boolean;
  /** At most this many deletes by the clean-up (default: the budget, else 1,000, the free plan's daily allowance). */
  deleteBudget?: number;
  /** Digest of the media published beside the release. */
  media?: string;
  onProgress?: (progress: PublishProgress) => void;
  /** Called with what will change and what it costs, before anything is written. */
  onPlan?: (plan: PublishPlan) => void;
  /**
   * The live pointer as the caller read it (readPointer), when it read it early: a watching process
   * reads it while it compiles, so the publish does not wait for that round trip. Read here otherwise.
   */
  pointer?: Promise<string | null>;
  /**
   * A watching process's memory of its own last publish (`npm run dev`): what KV holds is then not
   * listed or read back, and unchanged buckets are not packed again. Checked against the live
   * pointer first, so a publish by anyone else in between is noticed and everything is read anew.
   */
  memory?: PublishMemory;
}

/** What one process remembers between its publishes into the same namespace (see PublishOptions.memory). */
export class PublishMemory {
  readonly pack = new PackMemo();
  /** A watching process packs a local preview's small buckets (buckets.ts), unless told otherwise. */
  constructor(readonly bucketBytes: BucketTarget = PREVIEW_BUCKET_BYTES) {}
  /** KV as this process's last complete publish left it; null until one completed. */
  last: StoreState | null = null;
}

interface StoreState {
  /** The pointer's text, as written. */
  pointer: string;
  release: Release;
  historyText: string | null;
  /** Every value key in KV. */
  values: Set<string>;
  /** Keys of older layouts still in KV (a clean-up over its budget leaves some). */
  oldLayout: string[];
  /** The live release's keys and their signatures: what the next publish's plan compares with. */
  keys: PreparedRelease["keys"];
}

export interface PublishPlan extends Plan {
  prepared: PreparedRelease;
  /** KV writes this publish spends: new values, the pointer, the history. */
  writes: number;
  /** Values of the new release not in KV yet. */
  newValues: number;
  /** Bytes those writes carry. */
  bytes: number;
  /** Deletes its clean-up will spend (within the delete budget), and how many it leaves for later. */
  deletes: number;
  deletesLeft: number;
}

export interface PublishResult extends PublishPlan {
  previous: Release | null;
  /** The release live after the publish (the previous one when nothing changed or a slice stopped short). */
  release: Release;
  /** Keys written (0 on a dry run or when nothing changed). */
  written: number;
  /** True when a sliced publish stopped with values still to write: the previous release is still live. */
  partial: boolean;
  /** What the clean-up after the switch removed; null when nothing went live. */
  cleanup: Cleanup | null;
}

/** A publish that would spend more KV writes than its budget; nothing was written. */
export class BudgetError extends Error {
  override name = "BudgetError";
}

/** Values per write call: large enough to batch well, small enough to report progress on a big site. */
const WRITE_CHUNK = 100;
/** KV's free plan allows 1,000 deletes a day. */
export const FREE_PLAN_DAILY_OPS = 1_000;

/** The live pointer's text (null when nothing was published), for PublishOptions.pointer. */
export function readPointer(port: KvPort): Promise<string | null> {
  return port.get(CURRENT_KEY);
}

export async function publishBuild(port: KvPort, build: SiteBuild, options: PublishOptions): Promise<PublishResult> {
  const raw = await (options.pointer ?? readPointer(port));
  const memory = options.memory;
  const known = memory?.last != null && memory.last.pointer === raw ? memory.last : null;
  if (memory !== undefined) memory.last = null;
  // An unreadable pointer must not block the publish that repairs it: treat it as no release.
  const previous = known !== null ? known.release : raw === null ? null : parseRelease(raw);
  // What KV holds already is never written again: a publish stopped midway goes on where it stopped.
  const storedSet = known !== null ? known.values : new Set(await port.list(VALUE_PREFIX));
  const stored = [...storedSet];
  const prepared = await prepareRelease(build, previous, options.now, {
    media: options.media ?? "",
    stored: (hash) => storedSet.has(valueKey(hash)),
    ...(memory === undefined ? {} : { memo: memory.pack, bucketBytes: memory.bucketBytes }),
  });
  const missing: KvEntry[] = [...prepared.values].map(([hash, text]) => ({ key: valueKey(hash), value: text }));

  const live = prepared.same && previous !== null ? previous : prepared.release;
  const historyText = known !== null ? known.historyText : await port.get(HISTORY_KEY);
  const history = nextHistory(parseHistory(historyText), previous, prepared, options.keep ?? KEEP_RELEASES);
  const historyJson = JSON.stringify(history);
  const historyWrite = historyJson !== historyText ? 1 : 0;
  const writes = prepared.same ? historyWrite : missing.length + 1 + historyWrite;
  const bytes =
    (prepared.same ? 0 : missing.reduce((sum, e) => sum + utf8Bytes(e.value), 0) + utf8Bytes(prepared.releaseJson)) +
    historyWrite * utf8Bytes(historyJson);
  const deleteBudget = options.deleteBudget ?? options.budget ?? FREE_PLAN_DAILY_OPS;
  const oldLayout = known !== null ? known.oldLayout : await oldLayoutKeys(port);
  const garbage = garbageOf(
    history.some((r) => r.id === live.id) ? history : [...history, live],
    [...stored, ...missing.map((e) => e.key)],
    oldLayout,
  );
  const plan: PublishPlan = {
    ...(known !== null ? diffKeys(known.keys, prepared) : await diffReleases((hash) => port.get(valueKey(hash)), previous, prepared)),
    prepared,
    writes,
    newValues: prepared.same ? 0 : missing.length,
    bytes,
    deletes: Math.min(garbage.length, deleteBudget),
    deletesLeft: Math.max(0, garbage.length - deleteBudget),
  };
  options.onPlan?.(plan);

  const budget = options.budget ?? null;
  const over = budget !== null && writes > budget;
  if (over && !options.slice) {
    throw new BudgetError(`this publish needs ${writes} KV writes and the budget is ${budget}`);
  }
  const result = { ...plan, previous, release: live, written: 0, partial: false, cleanup: null };
  if (options.dryRun) return result;
  if (over && budget !== null) {
    // A slice: values only, the old release stays live; the next run finds these and goes on.
    const slice = missing.slice(0, budget);
    await writeInChunks(port, slice, options.onProgress);
    return { ...result, release: previous ?? live, written: slice.length, partial: true };
  }

  let written = 0;
  if (!prepared.same) {
    const pointer = [{ key: CURRENT_KEY, value: prepared.releaseJson }];
    if (port.putThen !== undefined && missing.length <= WRITE_CHUNK) {
      // The pointer is still written only once every value it names is stored, in the same round trip.
      options.onProgress?.({ phase: "values", done: 0, total: missing.length });
      await port.putThen(missing, pointer);
      options.onProgress?.({ phase: "values", done: missing.length, total: missing.length });
    } else {
      await writeInChunks(port, missing, options.onProgress);
      await port.putMany(pointer);
    }
    written = missing.length + 1;
    options.onProgress?.({ phase: "live" });
  }
  // The pointer is switched: the publish has succeeded. What follows is bookkeeping, redone by the
  // next publish (even one with nothing new) if this one is stopped here.
  if (historyWrite > 0) {
    await port.putMany([{ key: HISTORY_KEY, value: historyJson }]);
    written++;
  }
  options.onProgress?.({ phase: "cleanup" });
  const cleanup = await collectGarbage(port, garbage, deleteBudget);
  if (memory !== undefined) {
    const deleted = new Set(garbage.slice(0, cleanup.deleted));
    const values = new Set([...stored, ...missing.map((e) => e.key)].filter((key) => !deleted.has(key)));
    memory.last = {
      pointer: prepared.same && raw !== null ? raw : prepared.releaseJson,
      release: live,
      historyText: historyWrite > 0 ? historyJson : historyText,
      values,
      oldLayout: oldLayout.filter((key) => !deleted.has(key)),
      keys: prepared.keys,
    };
  }
  return { ...result, written, cleanup };
}

async function oldLayoutKeys(port: KvPort): Promise<string[]> {
  const keys: string[] = [];
  for (const prefix of OLD_LAYOUT_PREFIXES) keys.push(...(await port.list(prefix)));
  return keys;
}

/**
 * The kept releases once this publish is live: the new one last, trimmed to `keep`. A history lost
 * or never written (a store published before it existed) still keeps the release it replaces.
 */
function nextHistory(stored: readonly Release[], previous: Release | null, prepared: PreparedRelease, keep: number): Release[] {
  let history = [...stored];
  if (previous !== null && !history.some((r) => r.id === previous.id)) history = [...history, previous];
  if (!prepared.same) history = addToHistory(history, prepared.release, keep);
  return history.slice(-keep);
}

async function writeInChunks(port: KvPort, entries: readonly KvEntry[], onProgress: PublishOptions["onProgress"]): Promise<void> {
  onProgress?.({ phase: "values", done: 0, total: entries.length });
  for (let i = 0; i < entries.length; i += WRITE_CHUNK) {
    await port.putMany(entries.slice(i, i + WRITE_CHUNK));
    onProgress?.({ phase: "values", done: Math.min(i + WRITE_CHUNK, entries.length), total: entries.length });
  }
}
