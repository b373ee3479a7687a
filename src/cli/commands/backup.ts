/**
 * `backup FILE` and `restore FILE`. A backup is written beside its final name and renamed into place
 * only once complete, so FILE is never a half-written backup. A restore reads and checks the whole
 * file before it writes anything.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { backupLines, restoreBackup } from "../../store/backup.ts";
import { BackupError, readBackup } from "../../store/backup-format.ts";
import type { CliDeps, KvTarget } from "../deps.ts";

export async function backupCommand(args: { file: string; target: KvTarget }, deps: CliDeps): Promise<number> {
  const file = resolve(deps.cwd, args.file);
  const partial = `${file}.partial`;
  const kv = await deps.openKv(args.target);
  let entries = 0;
  try {
    const out = createWriteStream(partial, { encoding: "utf8" });
    const finished = new Promise<void>((done, fail) => {
      out.on("finish", done);
      out.on("error", fail);
    });
    try {
      for await (const line of backupLines(kv.port, deps.now())) {
        entries++;
        if (entries % 2_000 === 0) deps.stdout(`  read ${entries} keys`);
        // Respect backpressure so a large site is streamed, not held in memory.
        if (!out.write(`${line}\n`)) await new Promise<void>((drained) => out.once("drain", () => drained()));
      }
    } finally {
      out.end();
    }
    await finished;
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    if (!(error instanceof BackupError)) throw error;
    deps.stderr(`No backup was written: ${error.message}`);
    return 1;
  } finally {
    await kv.close();
  }
  const { size } = await stat(file);
  deps.stdout(`Backed up ${kv.label}: ${entries - 2} keys, ${(size / 1048576).toFixed(1)} MiB, to ${args.file}`);
  return 0;
}

export async function restoreCommand(args: { file: string; force: boolean; target: KvTarget }, deps: CliDeps): Promise<number> {
  const file = resolve(deps.cwd, args.file);
  if (!(await stat(file).catch(() => null))?.isFile()) {
    deps.stderr(`Nothing was restored: ${args.file} does not exist.`);
    return 1;
  }
  let backup: Awaited<ReturnType<typeof readBackup>>;
  try {
    const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Number.POSITIVE_INFINITY });
    backup = await readBackup(lines, args.file);
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    deps.stderr(`Nothing was restored: ${error.message}`);
    return 1;
  }
  deps.stdout(`Checked ${args.file}: ${backup.entries.length} keys, made ${backup.createdAt}.`);
  const kv = await deps.openKv(args.target);
  try {
    const result = await restoreBackup(kv.port, backup, {
      force: args.force,
      onProgress: (done, total) => {
        if (total >= 2_000 && (done % 5_000 === 0 || done === total)) deps.stdout(`  wrote ${done}/${total}`);
      },
    });
    deps.stdout(`Restored ${result.written} keys into ${kv.label}; release ${result.live} is live.`);
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    deps.stderr(`Nothing was restored: ${error.message}`);
    return 1;
  } finally {
    await kv.close();
  }
}
