/**
 * The backup file: JSON lines, so it can be written and checked one entry at a time.
 *
 *   {"format":"edgepress-backup","version":1,"layout":"v1","createdAt":"..."}
 *   {"key":"v2:value:...","sha256":"<hash of value>","value":"..."}     one line per stored key
 *   {"end":true,"entries":N,"digest":"<sha256 over the sha256 of every line above>"}
 *
 * A reader checks everything before a restore writes anything: every value against its hash, the
 * end record (a truncated file has none), the digest (a changed, dropped or reordered line breaks
 * it), and that every release in the file has every value it points to.
 */
import { valuesOf } from "../model/release.ts";
import { sha256Hex } from "./hash.ts";
import { parseHistory } from "./history.ts";
import { CURRENT_KEY, keyKind, LAYOUT_PREFIX, LAYOUT_VERSION, valueKey } from "./keys.ts";
import { limitProblem } from "./kv-limits.ts";
import type { KvEntry } from "./kv-port.ts";
import { parseRelease } from "./release-codec.ts";

export const BACKUP_FORMAT = "edgepress-backup";
export const BACKUP_VERSION = 1;

/** A backup that must not be restored; names the line and what is wrong with it. */
export class BackupError extends Error {
  override name = "BackupError";
}

export function headerLine(createdAt: Date): string {
  return JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, layout: LAYOUT_VERSION, createdAt: createdAt.toISOString() });
}

export async function entryLine(entry: KvEntry): Promise<string> {
  return JSON.stringify({ key: entry.key, sha256: await sha256Hex(entry.value), value: entry.value });
}

export function endLine(entries: number, digest: string): string {
  return JSON.stringify({ end: true, entries, digest });
}

/** Running digest over lines: the hash of the concatenated line hashes. */
export class LineDigest {
  #hashes: string[] = [];
  async add(line: string): Promise<void> {
    this.#hashes.push(await sha256Hex(line));
  }
  finish(): Promise<string> {
    return sha256Hex(this.#hashes.join("\n"));
  }
}

export interface CheckedBackup {
  createdAt: string;
  entries: KvEntry[];
}

/** Reads and fully checks a backup; throws BackupError naming the first problem, with its line. */
export async function readBackup(lines: AsyncIterable<string> | Iterable<string>, source: string): Promise<CheckedBackup> {
  const fail = (line: number, reason: string): never => {
    throw new BackupError(`${source}:${line}: ${reason}`);
  };
  const digest = new LineDigest();
  const entries: KvEntry[] = [];
  const seen = new Set<string>();
  let createdAt: string | null = null;
  let ended = false;
  let n = 0;
  for await (const line of lines) {
    n++;
    if (ended) {
      if (line.trim() === "") continue;
      fail(n, "text after the end record");
    }
    const record = parseLine(line, n, fail);
    if (n === 1) {
      if (record.format !== BACKUP_FORMAT) fail(n, "not an edgepress backup (no header line)");
      if (record.version !== BACKUP_VERSION)
        fail(n, `backup version ${String(record.version)} is not one this version reads (${BACKUP_VERSION})`);
      if (record.layout !== LAYOUT_VERSION) fail(n, `backup of key layout ${String(record.layout)}; this version stores ${LAYOUT_VERSION}`);
      createdAt = typeof record.createdAt === "string" ? record.createdAt : fail(n, "header has no createdAt");
    } else if (record.end === true) {
      if (record.entries !== entries.length) fail(n, `end record counts ${String(record.entries)} entries; the file has ${entries.length}`);
      if (record.digest !== (await digest.finish())) fail(n, "checksum mismatch: the file was changed or lines were lost");
      ended = true;
      continue;
    } else {
      const { key, value, sha256 } = record;
      if (typeof key !== "string" || typeof value !== "string" || typeof sha256 !== "string") fail(n, "entry needs key, value and sha256");
      const k = key as string;
      const v = value as string;
      if (!k.startsWith(LAYOUT_PREFIX) || keyKind(k) === "unknown") fail(n, `key ${k} is not one this site stores`);
      if (seen.has(k)) fail(n, `key ${k} appears twice`);
      const limit = limitProblem(k, v);
      if (limit !== null) fail(n, `${k}: ${limit}`);
      if ((await sha256Hex(v)) !== sha256) fail(n, `value of ${k} does not match its sha256: the file is corrupt`);
      seen.add(k);
      entries.push({ key: k, value: v });
    }
    await digest.add(line);
  }
  if (n === 0) fail(1, "the file is empty");
  if (!ended) fail(n, "the backup is truncated (no end record)");
  checkComplete(entries, (reason) => fail(n, reason));
  return { createdAt: createdAt ?? "", entries };
}

function parseLine(line: string, n: number, fail: (line: number, reason: string) => never): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  return fail(n, "not a JSON record (the file is corrupt or truncated)");
}

/** Every release in the backup (live and kept) must find every value it names in the same backup. */
export function checkComplete(entries: readonly KvEntry[], fail: (reason: string) => never): void {
  const keys = new Set(entries.map((e) => e.key));
  if (!keys.has(CURRENT_KEY)) fail(`the backup has no live release (${CURRENT_KEY})`);
  for (const entry of entries) {
    const kind = keyKind(entry.key);
    if (kind !== "current" && kind !== "history") continue;
    const releases = kind === "current" ? [parseRelease(entry.value)] : parseHistory(entry.value);
    for (const release of releases) {
      if (release === null) fail(`${entry.key} is not a valid release`);
      else {
        const missing = valuesOf(release).filter((hash) => !keys.has(valueKey(hash))).length;
        if (missing > 0) fail(`${entry.key} names ${missing} values the backup does not hold`);
      }
    }
  }
}
