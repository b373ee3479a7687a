/**
 * `theme copy [--content DIR]`: copies the built-in theme's files (`_layouts/`, `_includes/`) into the
 * content folder, where the site then draws with them: a layout or include there is looked up before
 * the built-in one. Never writes over a file the site has: it lists those, copies nothing, and exits 1.
 */
import { access, mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { readBuiltInFiles } from "../built-in-files.ts";
import type { CliDeps } from "../deps.ts";

export async function themeCopyCommand(args: { content: string }, deps: CliDeps): Promise<number> {
  const root = resolve(deps.cwd, args.content);
  const files = Object.entries(await readBuiltInFiles()).sort(([a], [b]) => a.localeCompare(b));
  const existing: string[] = [];
  for (const [path] of files) if (await exists(join(root, path))) existing.push(path);
  if (existing.length > 0) {
    deps.stderr(
      `${args.content} already has ${existing.length === 1 ? "this file" : "these files"} of the built-in theme; nothing was copied:`,
    );
    for (const path of existing) deps.stderr(`  ${join(args.content, path)}`);
    deps.stderr("Move or rename them (a file there replaces the built-in one of that name), then run theme copy again.");
    return 1;
  }
  for (const [path, text] of files) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    // "wx": never over a file made since the check above.
    await writeFile(join(root, path), text, { encoding: "utf8", flag: "wx" });
    deps.stdout(`Copied ${join(args.content, path)}`);
  }
  deps.stdout(
    `The site now draws with these ${files.length} files: edit them and run npm run publish (or npm run dev). Delete one to get the built-in one back.`,
  );
  return 0;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
