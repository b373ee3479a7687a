/**
 * The release history kept under `v1:releases`: which releases can be rolled back to, in the order
 * they were published. Pure: reading, adding and trimming the list; the store does the I/O.
 */
export interface HistoryEntry {
  id: string;
  seq: number;
  createdAt: string;
}

/** Releases kept for rollback (the live one included); older ones are cleaned up after a publish. */
export const KEEP_RELEASES = 5;

/** Reads the stored list; anything unreadable counts as empty, so a damaged index never blocks a publish. */
export function parseHistory(text: string | null): HistoryEntry[] {
  if (text === null) return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.filter(
    (e): e is HistoryEntry =>
      typeof e === "object" &&
      e !== null &&
      typeof (e as HistoryEntry).id === "string" &&
      typeof (e as HistoryEntry).seq === "number" &&
      typeof (e as HistoryEntry).createdAt === "string",
  );
}

/** The list with `entry` as the newest (moved to the end if it was already there), trimmed to `keep`. */
export function addToHistory(history: readonly HistoryEntry[], entry: HistoryEntry, keep = KEEP_RELEASES): HistoryEntry[] {
  const rest = history.filter((e) => e.id !== entry.id);
  return [...rest, entry].slice(-keep);
}

/** The release published just before `currentId`, or null when it is the oldest kept. */
export function previousOf(history: readonly HistoryEntry[], currentId: string): HistoryEntry | null {
  const at = history.findIndex((e) => e.id === currentId);
  return at > 0 ? (history[at - 1] ?? null) : null;
}
