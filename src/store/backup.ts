/**
 * Backup and restore over any KvPort. A backup holds every key of the site's layout (the live release,
 * the kept releases, the values they name); a restore writes values, then the history, and the
 * pointer last, so a restore stopped midway leaves the namespace as it was.
 */
import { BackupError, type CheckedBackup, checkComplete, endLine, entryLine, headerLine, LineDigest } from "./backup-format.ts";
import { CURRENT_KEY, keyKind, LAYOUT_PREFIX } from "./keys.ts";
import type { KvEntry, KvPort } from "./kv-port.ts";
import { parseRelease } from "./release-codec.ts";

/** Reads in flight at once while backing up. */
const READ_CONCURRENCY = 16;
const WRITE_CHUNK = 1_000;

/** The backup as lines (without newlines), produced as the namespace is read. */
export async function* backupLines(port: KvPort, now: Date): AsyncGenerator<string> {
  const keys = (await port.list(LAYOUT_PREFIX)).filter((k) => keyKind(k) !== "unknown").sort();
  const header = headerLine(now);
  const digest = new LineDigest();
  await digest.add(header);
  yield header;
  const seen: KvEntry[] = [];
  for (let i = 0; i < keys.length; i += READ_CONCURRENCY) {
    const batch = keys.slice(i, i + READ_CONCURRENCY);
    const values = await Promise.all(batch.map((k) => port.get(k)));
    for (const [j, key] of batch.entries()) {
      const value = values[j];
      if (value === null || value === undefined) continue; // deleted since the listing (a clean-up)
      const line = await entryLine({ key, value });
      await digest.add(line);
      // Only releases are kept for the completeness check; values are streamed out.
      seen.push(keyKind(key) === "value" ? { key, value: "" } : { key, value });
      yield line;
    }
  }
  checkComplete(seen, (reason) => {
    throw new BackupError(`the site changed while it was being backed up (${reason}); run the backup again`);
  });
  yield endLine(seen.length, await digest.finish());
}

export interface RestoreOptions {
  /** Write over a namespace that already holds a site. */
  force: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface RestoreResult {
  written: number;
  live: string;
}

/** Writes a checked backup into the namespace: values, releases and history, the pointer last. */
export async function restoreBackup(port: KvPort, backup: CheckedBackup, options: RestoreOptions): Promise<RestoreResult> {
  const existingRaw = await port.get(CURRENT_KEY);
  if (existingRaw !== null && !options.force) {
    throw new BackupError("the namespace already holds a published site; restore into an empty namespace, or pass --force to replace it");
  }
  const order = { value: 0, history: 1, current: 2, unknown: 3 } as const;
  const entries = [...backup.entries].sort((a, b) => order[keyKind(a.key)] - order[keyKind(b.key)]);
  const pointer = entries.pop();
  if (pointer === undefined || pointer.key !== CURRENT_KEY) throw new BackupError("the backup has no live release");
  let pointerValue = pointer.value;
  const existing = existingRaw === null ? null : parseRelease(existingRaw);
  const restored = parseRelease(pointerValue);
  if (restored === null) throw new BackupError(`${CURRENT_KEY} in the backup is not a valid release`);
  // Isolates that saw the replaced site ignore a pointer with a lower seq: go above it.
  if (existing !== null && existing.seq >= restored.seq) pointerValue = JSON.stringify({ ...restored, seq: existing.seq + 1 });

  const total = entries.length + 1;
  for (let i = 0; i < entries.length; i += WRITE_CHUNK) {
    await port.putMany(entries.slice(i, i + WRITE_CHUNK));
    options.onProgress?.(Math.min(i + WRITE_CHUNK, entries.length), total);
  }
  await port.putMany([{ key: CURRENT_KEY, value: pointerValue }]);
  options.onProgress?.(total, total);
  return { written: total, live: restored.id };
}
