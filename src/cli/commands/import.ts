/**
 * `import EXPORT.xml [--out DIR] [--uploads DIR] [--menu SLUG] [--force]`: a WordPress export to a
 * content folder `publish` serves as it is. Reads the export twice as a stream (first what items name
 * each other by, then each item converted), stages every file, and moves them into place only when
 * the whole export was read; a broken export writes nothing and is reported as `FILE:line:column: reason`.
 */
import { createReadStream, statSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { isMediaPath } from "../../compile/media.ts";
import { convertItem } from "../../import/convert-item.ts";
import { FileNames } from "../../import/file-names.ts";
import { withWordPressId } from "../../import/item-ids.ts";
import { siteFiles } from "../../import/site-files.ts";
import { indexItem, newSiteIndex, type SiteIndex, usualOffset } from "../../import/site-index.ts";
import { ImportSummary } from "../../import/summary.ts";
import { oldHosts } from "../../import/upload-links.ts";
import type { CliDeps } from "../deps.ts";
import { MAX_MEDIA_BYTES } from "../load-content.ts";
import { applyImport, sha256 } from "../wxr/import-folder.ts";
import { readWxr, WxrError } from "../wxr/read-wxr.ts";

export interface ImportArgs {
  file: string;
  out: string;
  uploads: string | null;
  menu: string | null;
  force: boolean;
}

/** Items between progress lines on a large export. */
const PROGRESS_EVERY = 1000;

export async function importCommand(args: ImportArgs, deps: CliDeps): Promise<number> {
  return (await importExport(args, deps)) ? 0 : 1;
}

/** Imports and reports; true when the folder now holds the export. */
export async function importExport(args: ImportArgs, deps: CliDeps): Promise<boolean> {
  const file = resolve(deps.cwd, args.file);
  const out = resolve(deps.cwd, args.out);
  // Named as typed: an absolute path stays absolute, a relative one relative to where it was typed.
  const shown = args.file;
  const uploads = args.uploads === null ? null : resolve(deps.cwd, args.uploads);
  if (uploads !== null && !(await stat(uploads).catch(() => null))?.isDirectory()) {
    deps.stderr(`${args.uploads}: the uploads folder does not exist (give a copy of the site's wp-content/uploads)`);
    return false;
  }
  const chunks = () => createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 16 });

  // First read: what items name each other by. Nothing is written before the whole export parsed.
  let index: SiteIndex | null = null;
  try {
    await readWxr(chunks(), {
      channel: (channel) => {
        index = newSiteIndex(channel);
      },
      item: (item) => {
        if (index) indexItem(index, withWordPressId(item));
      },
    });
  } catch (error) {
    if (error instanceof WxrError) deps.stderr(`${shown}:${error.message}`);
    else if ((error as NodeJS.ErrnoException).code === "ENOENT") deps.stderr(`${shown}:1:1: no such file`);
    else throw error;
    deps.stderr("Nothing was imported.");
    return false;
  }
  const site = index as SiteIndex | null;
  if (site === null) return false;
  deps.stdout(`Read ${shown}: WXR ${site.channel.wxrVersion}, "${site.channel.title}", ${site.total} items`);

  const hosts = oldHosts([site.channel.link, site.channel.baseBlogUrl, site.channel.baseSiteUrl]);
  const uploadExists = uploadChecker(uploads);
  const authors = new Map(site.channel.authors.map((a) => [a.login, a.displayName || a.login]));
  await mkdir(dirname(out), { recursive: true });
  const staging = await mkdtemp(join(dirname(out), ".edgepress-import-"));
  try {
    const produced = new Map<string, string>();
    const stage = async (path: string, text: string) => {
      await mkdir(dirname(join(staging, path)), { recursive: true });
      await writeFile(join(staging, path), text);
      produced.set(path, sha256(text));
    };
    const summary = new ImportSummary(uploads !== null);
    const usedUploads = new Set<string>();
    const names = new FileNames();
    let done = 0;
    await readWxr(chunks(), {
      channel: () => undefined,
      item: async (read) => {
        const item = withWordPressId(read);
        const result = convertItem(item, { index: site, authors, hosts, uploadExists, names });
        summary.add(item, result);
        if (result.kind === "written") {
          await stage(result.file.path, result.file.text);
          for (const rel of result.used) usedUploads.add(rel);
        }
        done++;
        if (site.total >= 2 * PROGRESS_EVERY && (done % PROGRESS_EVERY === 0 || done === site.total)) {
          deps.stdout(`  converted ${done}/${site.total} items`);
        }
      },
    });
    const whole = siteFiles(site, { hosts, uploadExists, menu: args.menu, offset: usualOffset(site) });
    for (const f of whole.files) await stage(f.path, f.text);
    for (const rel of whole.used) usedUploads.add(rel);
    if (uploads !== null) {
      for (const rel of usedUploads) {
        const target = join(staging, "wp-content/uploads", rel);
        await mkdir(dirname(target), { recursive: true });
        await copyFile(join(uploads, rel), target);
        produced.set(`wp-content/uploads/${rel}`, sha256(await readFile(target)));
      }
    }

    const report = await applyImport(staging, out, produced, { force: args.force, exportName: basename(file) });
    for (const line of summary.lines(shown)) deps.stdout(line);
    if (whole.mainMenu !== null) deps.stdout(`Navigation: the menu "${whole.mainMenu}" (choose another with --menu SLUG)`);
    if (uploads !== null) deps.stdout(`Uploads: ${usedUploads.size} files published from ${args.uploads}`);
    const where = args.out;
    deps.stdout(
      `Wrote ${where}: ${report.written.length} files written, ${report.unchanged} unchanged, ${report.removed.length} removed (no longer in the export)`,
    );
    for (const path of report.keptChanged) deps.stderr(`Kept ${join(where, path)}: changed since the last import (--force overwrites it)`);
    for (const path of report.keptRemoved) {
      deps.stderr(`Kept ${join(where, path)}: no longer in the export, but changed since the last import (delete it if it should go)`);
    }
    return true;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Whether a file is in the uploads folder and is something the site can serve (a media type, small enough for KV). */
function uploadChecker(uploads: string | null): (rel: string) => boolean {
  if (uploads === null) return () => false;
  const known = new Map<string, boolean>();
  return (rel) => {
    const seen = known.get(rel);
    if (seen !== undefined) return seen;
    const info = statSync(join(uploads, rel), { throwIfNoEntry: false });
    const ok = info?.isFile() === true && info.size <= MAX_MEDIA_BYTES && isMediaPath(rel);
    known.set(rel, ok);
    return ok;
  };
}
