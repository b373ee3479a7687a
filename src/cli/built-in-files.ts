/** Reads the built-in theme's files (src/theme/built-in/) from disk, by their path in that folder. */
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";

export const BUILT_IN_DIR = join(import.meta.dirname, "../theme/built-in");

export async function readBuiltInFiles(dir = BUILT_IN_DIR): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path).split(sep).join("/")] = await readFile(path, "utf8");
  }
  return files;
}
