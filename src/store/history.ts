/**
 * The releases kept for rollback under `v2:releases`: whole release records, oldest first, the live
 * one included. Pure: reading, adding and trimming the list; the store does the I/O. Keeping the
 * records here (a few KiB each) instead of one key per release saves a write on every publish.
 */
import type { Release } from "../model/release.ts";
import { parseRelease } from "./release-codec.ts";

/** Releases kept for rollback (the live one included); older ones are cleaned up after a publish. */
export const KEEP_RELEASES = 5;

/** Reads the stored list; anything unreadable counts as empty, so a damaged index never blocks a publish. */
export function parseHistory(text: string | null): Release[] {
  if (text === null) return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const release = parseRelease(JSON.stringify(item));
    return release === null ? [] : [release];
  });
}

/** The list with `release` as the newest (moved to the end if it was already there), trimmed to `keep`. */
export function addToHistory(history: readonly Release[], release: Release, keep = KEEP_RELEASES): Release[] {
  const rest = history.filter((r) => r.id !== release.id);
  return [...rest, release].slice(-keep);
}

/** The release published just before `currentId`, or null when it is the oldest kept. */
export function previousOf(history: readonly Release[], currentId: string): Release | null {
  const at = history.findIndex((r) => r.id === currentId);
  return at > 0 ? (history[at - 1] ?? null) : null;
}
