/**
 * Puts an import into its content folder without losing anyone's work. The whole export is converted
 * into a staging folder first; only then are files moved into place. A manifest
 * (`.edgepress-import.json`) remembers the hash of every file the last import wrote: a file whose
 * hash changed since was edited by its author and is kept (unless `--force`), and a file the export no
 * longer produces is deleted only if nobody edited it.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

export const MANIFEST = ".edgepress-import.json";

interface Manifest {
  format: 1;
  export: string;
  files: Record<string, string>;
}

export interface ApplyReport {
  written: string[];
  unchanged: number;
  /** Files the author changed since the last import (or that no import wrote): kept as they are. */
  keptChanged: string[];
  /** Files of the last import the export no longer has, deleted. */
  removed: string[];
  /** Files of the last import the export no longer has, kept because the author changed them. */
  keptRemoved: string[];
}

export function sha256(bytes: string | Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

async function hashOf(path: string): Promise<string | null> {
  try {
    return sha256(await readFile(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

export async function readManifest(out: string): Promise<Manifest | null> {
  try {
    const parsed = JSON.parse(await readFile(join(out, MANIFEST), "utf8")) as Partial<Manifest>;
    return parsed.format === 1 && parsed.files && typeof parsed.files === "object" ? (parsed as Manifest) : null;
  } catch {
    return null;
  }
}

/** Moves the staged files (relative path → hash) into `out`, keeping the author's changes. */
export async function applyImport(
  staging: string,
  out: string,
  produced: ReadonlyMap<string, string>,
  options: { force: boolean; exportName: string },
): Promise<ApplyReport> {
  const previous = await readManifest(out);
  const report: ApplyReport = { written: [], unchanged: 0, keptChanged: [], removed: [], keptRemoved: [] };
  const files: Record<string, string> = {};
  for (const [path, hash] of [...produced].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const target = join(out, path);
    const current = await hashOf(target);
    const before = previous?.files[path];
    if (current === hash) {
      report.unchanged++;
      files[path] = hash;
    } else if (current === null || current === before || options.force) {
      await mkdir(dirname(target), { recursive: true });
      await rename(join(staging, path), target);
      report.written.push(path);
      files[path] = hash;
    } else {
      report.keptChanged.push(path);
      // Still the author's: the next import must see it as changed too.
      if (before !== undefined) files[path] = before;
    }
  }
  for (const [path, hash] of Object.entries(previous?.files ?? {})) {
    if (produced.has(path)) continue;
    const target = join(out, path);
    const current = await hashOf(target);
    if (current === null) continue;
    if (current === hash || options.force) {
      await rm(target);
      report.removed.push(path);
    } else {
      report.keptRemoved.push(path);
      files[path] = hash;
    }
  }
  const manifest: Manifest = { format: 1, export: options.exportName, files };
  await writeFile(join(out, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
  return report;
}
