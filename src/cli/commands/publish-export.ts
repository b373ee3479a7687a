/**
 * `publish --content EXPORT.xml`: a WordPress export published in one step. The export is imported
 * into a folder beside it (`EXPORT/` for `EXPORT.xml`; a temporary folder when that one cannot be
 * written), which is kept so the site can be edited and published from it afterwards, then published.
 */
import { access, constants, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import type { CliDeps } from "../deps.ts";
import { importExport } from "./import.ts";
import { type PublishArgs, publishCommand } from "./publish.ts";

/** A WordPress export rather than a content folder. */
export function isExportFile(content: string): boolean {
  return /\.xml$/i.test(content);
}

export async function publishExport(args: PublishArgs, deps: CliDeps): Promise<number> {
  const file = resolve(deps.cwd, args.content);
  // Named as the export was typed: `../blogs/export.xml` goes to `../blogs/export`.
  let out = join(dirname(args.content), basename(file).replace(/\.xml$/i, ""));
  const writable = await access(dirname(file), constants.W_OK).then(
    () => true,
    () => false,
  );
  if (!writable) out = await mkdtemp(join(tmpdir(), "edgepress-import-"));
  const shown = out;
  deps.stdout(`Importing ${args.content} into ${shown}${writable ? "" : ` (${dirname(file)} cannot be written)`}`);
  if (!(await importExport({ file: args.content, out, uploads: null, menu: null, force: false }, deps))) return 1;
  deps.stdout(`Publishing ${shown} (edit it and run: npm run publish -- --content ${shown})`);
  return publishCommand({ ...args, content: out }, deps);
}
