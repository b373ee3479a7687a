/**
 * Writes a release to KV in the only safe order: every new blob first, then the release record, then
 * the one pointer write that makes it live. Stopped at any point before that write, the previous
 * release is still served whole, because nothing it points to has changed. Only after the switch is
 * the history updated and what no kept release needs cleaned up.
 */
import type { SiteBuild } from "../compile/types.ts";
import type { Release } from "../model/release.ts";
import { type Cleanup, collectGarbage } from "./garbage.ts";
import { addToHistory, type HistoryEntry, KEEP_RELEASES, parseHistory } from "./history.ts";
import { CURRENT_KEY, HISTORY_KEY, releaseKey } from "./keys.ts";
import type { KvEntry, KvPort } from "./kv-port.ts";
import { type PreparedRelease, prepareRelease } from "./release-build.ts";
import { parseRelease } from "./release-codec.ts";

export type PublishProgress = { phase: "values"; done: number; total: number } | { phase: "live" } | { phase: "cleanup" };

export interface PublishOptions {
  now: Date;
  dryRun: boolean;
  /** Releases kept for rollback, the new one included. */
  keep?: number;
  onProgress?: (progress: PublishProgress) => void;
  /** Called with what will change, before anything is written. */
  onPlan?: (prepared: PreparedRelease) => void;
}

export interface PublishResult extends PreparedRelease {
  previous: Release | null;
  /** Keys written (0 on a dry run or when nothing changed). */
  written: number;
  /** What the clean-up after the switch removed; null when nothing was published. */
  cleanup: Cleanup | null;
}

/** Values per write call: large enough to batch well, small enough to report progress on a big site. */
const WRITE_CHUNK = 1_000;

export async function publishBuild(port: KvPort, build: SiteBuild, options: PublishOptions): Promise<PublishResult> {
  const raw = await port.get(CURRENT_KEY);
  // An unreadable pointer must not block the publish that repairs it: treat it as no release.
  const previous = raw === null ? null : parseRelease(raw);
  const prepared = await prepareRelease(build, previous, options.now);
  options.onPlan?.(prepared);
  if (options.dryRun) return { ...prepared, previous, written: 0, cleanup: null };

  let written = 0;
  if (!prepared.same) {
    await writeInChunks(port, prepared.newBlobs, options.onProgress);
    await port.putMany([{ key: releaseKey(prepared.release.id), value: prepared.releaseJson }]);
    await port.putMany([{ key: CURRENT_KEY, value: prepared.releaseJson }]);
    written = prepared.newBlobs.length + 2;
    options.onProgress?.({ phase: "live" });
  }
  // The pointer is switched: the publish has succeeded. What follows is bookkeeping, redone by the
  // next publish (even one with nothing new) if this one is stopped here.
  const live = prepared.same && previous !== null ? previous : prepared.release;
  const stored = await port.get(HISTORY_KEY);
  let history = parseHistory(stored);
  const keep = options.keep ?? KEEP_RELEASES;
  // A history lost or never written (a store published before it existed) still keeps the release it replaces.
  if (previous !== null && !history.some((e) => e.id === previous.id)) history = [...history, entryOf(previous)];
  if (!prepared.same) history = addToHistory(history, entryOf(live), keep);
  history = history.slice(-keep);
  const historyJson = JSON.stringify(history);
  if (historyJson !== stored) {
    await port.putMany([{ key: HISTORY_KEY, value: historyJson }]);
    written++;
  }
  options.onProgress?.({ phase: "cleanup" });
  const cleanup = await collectGarbage(port, history, live);
  return { ...prepared, previous, written, cleanup };
}

function entryOf(release: Release): HistoryEntry {
  return { id: release.id, seq: release.seq, createdAt: release.createdAt };
}

async function writeInChunks(port: KvPort, entries: readonly KvEntry[], onProgress: PublishOptions["onProgress"]): Promise<void> {
  onProgress?.({ phase: "values", done: 0, total: entries.length });
  for (let i = 0; i < entries.length; i += WRITE_CHUNK) {
    await port.putMany(entries.slice(i, i + WRITE_CHUNK));
    onProgress?.({ phase: "values", done: Math.min(i + WRITE_CHUNK, entries.length), total: entries.length });
  }
}
