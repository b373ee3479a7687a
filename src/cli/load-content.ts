/**
 * Reads a content folder from disk: our own `content/` layout or a Jekyll site (`_posts/`, pages,
 * `_config.yml`). Only reads; every check on what the files say happens in the pure core.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { isMediaPath } from "../compile/media.ts";
import type { ContentFiles } from "../content/content-files.ts";

const SOURCE_EXTENSIONS = /\.(md|markdown|mdown|mkd|html?)$/i;
/** Folders that never hold content: Jekyll's build output and tooling. */
const IGNORED_DIRS = new Set(["node_modules", "vendor", "_site", ".git", ".wrangler"]);
/** A post this large is almost certainly a mistake (an embedded binary, a runaway export). */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;
/** KV holds 25 MiB a value; media is stored base64-encoded (4/3 larger) inside a small JSON wrapper. */
export const MAX_MEDIA_BYTES = 18 * 1024 * 1024;

export async function loadContent(root: string): Promise<ContentFiles> {
  const info = await stat(root).catch(() => null);
  if (!info?.isDirectory()) {
    return {
      files: [],
      config: null,
      media: [],
      skipped: [],
      problems: [{ file: root, line: 1, reason: "content folder does not exist" }],
    };
  }
  const out: ContentFiles = { files: [], config: null, media: [], skipped: [], problems: [] };
  const decoder = new TextDecoder("utf-8", { fatal: true });

  const readText = async (abs: string, rel: string): Promise<string | null> => {
    const bytes = await readFile(abs);
    if (bytes.byteLength > MAX_SOURCE_BYTES) {
      out.problems.push({
        file: rel,
        line: 1,
        reason: `file is ${(bytes.byteLength / 1048576).toFixed(1)} MiB; a post may be at most ${MAX_SOURCE_BYTES / 1048576} MiB`,
      });
      return null;
    }
    try {
      return decoder.decode(bytes);
    } catch {
      out.problems.push({ file: rel, line: lineOfBadUtf8(bytes), reason: "file is not UTF-8 text (re-save it as UTF-8)" });
      return null;
    }
  };

  for (const name of ["_config.yml", "_config.yaml"]) {
    const abs = join(root, name);
    if (await stat(abs).catch(() => null)) {
      const text = await readText(abs, name);
      if (text !== null) out.config = { path: name, text };
      break;
    }
  }

  const walk = async (dir: string, inPosts: boolean): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const abs = join(dir, entry.name);
      const rel = relative(root, abs).split(sep).join("/");
      if (entry.isDirectory()) {
        if (IGNORED_DIRS.has(entry.name) || entry.name.startsWith(".")) continue;
        if (entry.name === "_drafts") {
          out.skipped.push({ path: `${rel}/`, reason: "drafts are never published" });
          continue;
        }
        if (entry.name === "_posts") await walk(abs, true);
        else if (!entry.name.startsWith("_")) await walk(abs, inPosts);
        continue;
      }
      if (!entry.isFile()) continue;
      if (SOURCE_EXTENSIONS.test(entry.name)) {
        const text = await readText(abs, rel);
        if (text !== null) out.files.push({ path: rel, text, inPosts });
      } else if (isMediaPath(entry.name)) {
        const bytes = await readFile(abs);
        if (bytes.byteLength > MAX_MEDIA_BYTES) {
          out.problems.push({
            file: rel,
            line: 1,
            reason: `file is ${(bytes.byteLength / 1048576).toFixed(1)} MiB; media may be at most ${MAX_MEDIA_BYTES / 1048576} MiB`,
          });
        } else {
          out.media.push({ path: rel, bytes: new Uint8Array(bytes) });
        }
      }
    }
  };
  await walk(root, false);
  return out;
}

function lineOfBadUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return 1;
}
