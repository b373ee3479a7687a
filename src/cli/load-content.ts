/**
 * Reads a content folder from disk: our own `content/` layout or a Jekyll site (`_posts/`, pages,
 * `_config.yml`). Only reads; every check on what the files say happens in the pure core.
 */
import { open, readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { isMediaPath } from "../compile/media.ts";
import type { ContentFiles } from "../content/content-files.ts";
import type { Problem } from "../content/problem.ts";

const SOURCE_EXTENSIONS = /\.(md|markdown|mdown|mkd|html?)$/i;
/** Folders that never hold content: Jekyll's build output and tooling. */
const IGNORED_DIRS = new Set(["node_modules", "vendor", "_site", ".git", ".wrangler"]);
/** A Jekyll theme's and plugins' folders: never content, never read. */
const THEME_DIRS = new Set(["_layouts", "_includes", "_sass", "_data", "_plugins", "_cache", "_config"]);
/** Files Jekyll never reads: hidden, `_`-prefixed, `#` autosaves and `~` backups (EntryFilter#special? and #backup?). */
const IGNORED_FILE = /^[._#]|~$/;
/** Files that may open with front matter: anything but binary media (images, audio, video, archives). Others are static files. */
const MAY_BE_TEMPLATE = (name: string) => !isMediaPath(name) || /\.(txt|svg)$/i.test(name);
/** The site's settings, under either name Jekyll reads. */
export const CONFIG_NAMES = ["_config.yml", "_config.yaml"] as const;
/** A post this large is almost certainly a mistake (an embedded binary, a runaway export). */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;
/** Cloudflare serves a static asset of at most 25 MiB (media files are the Worker's static assets). */
export const MAX_MEDIA_BYTES = 25 * 1024 * 1024;

export interface LoadOptions {
  /** Local preview: read `_drafts/` too (as posts dated by their modification time). */
  drafts?: boolean;
  /**
   * A watching process's files from its last read, by absolute path: a file whose size and
   * modification time are unchanged is not read again.
   */
  reuse?: Map<string, { mtimeMs: number; size: number; bytes: Buffer }>;
  /** The folder as the user typed it, for the message when it does not exist. */
  name?: string;
}

export async function loadContent(root: string, options: LoadOptions = {}): Promise<ContentFiles> {
  const name = options.name ?? root;
  const out: ContentFiles = { files: [], config: null, media: [], data: [], skipped: [], problems: [] };
  const info = await stat(root).catch(() => null);
  if (!info?.isDirectory()) {
    out.problems.push({ file: name, line: 1, reason: "content folder does not exist" });
    return out;
  }
  const read = options.reuse === undefined ? readFile : reusing(options.reuse);
  const config = await readConfigFile(root, read);
  if (config !== null && "problem" in config) out.problems.push(config.problem);
  else out.config = config;
  await walk({ root, drafts: options.drafts ?? false, read, kept: options.reuse !== undefined }, root, false, out);
  return out;
}

type Read = (abs: string) => Promise<Buffer>;

function reusing(reuse: NonNullable<LoadOptions["reuse"]>): Read {
  return async (abs) => {
    const info = await stat(abs);
    const held = reuse.get(abs);
    if (held !== undefined && held.mtimeMs === info.mtimeMs && held.size === info.size) return held.bytes;
    const bytes = await readFile(abs);
    reuse.set(abs, { mtimeMs: info.mtimeMs, size: info.size, bytes });
    return bytes;
  };
}

/** The folder's `_config.yml` (or `_config.yaml`) as text, null when it has neither. */
export async function readConfigFile(
  root: string,
  read: Read = readFile,
): Promise<{ path: string; text: string } | { problem: Problem } | null> {
  for (const name of CONFIG_NAMES) {
    const abs = join(root, name);
    if (!(await stat(abs).catch(() => null))) continue;
    const text = await readText(abs, name, read);
    return "problem" in text ? text : { path: name, text: text.ok };
  }
  return null;
}

interface Walk {
  root: string;
  drafts: boolean;
  read: Read;
  /** Files are kept between reads: hand on the kept bytes themselves, so unchanged media are the same object. */
  kept: boolean;
}

async function walk(at: Walk, dir: string, inPosts: boolean, out: ContentFiles, draft = false): Promise<void> {
  const { root, read } = at;
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const abs = join(dir, entry.name);
    const rel = relative(root, abs).split(sep).join("/");
    if (entry.isDirectory()) {
      if (IGNORED_DIRS.has(entry.name) || entry.name.startsWith(".")) continue;
      if (entry.name === "_drafts" && at.drafts) await walk(at, abs, true, out, true);
      else if (entry.name === "_drafts") out.skipped.push({ path: `${rel}/`, reason: "drafts are never published" });
      else if (rel === "_data") await readData(abs, rel, out, read);
      else if (rel === "_includes") await readIncludes(abs, abs, out, read);
      else if (rel === "_layouts") await readLayouts(abs, out, read);
      else if (entry.name === "_posts") await walk(at, abs, true, out, draft);
      // Other `_` folders are read too: a Jekyll site may publish one with `include:` (minimal-mistakes' _pages).
      else if (!THEME_DIRS.has(entry.name)) await walk(at, abs, inPosts, out, draft);
    } else if (!entry.isFile() || IGNORED_FILE.test(entry.name)) {
    } else if (SOURCE_EXTENSIONS.test(entry.name) || (MAY_BE_TEMPLATE(entry.name) && (await hasFrontMatter(abs)))) {
      // Any file that opens with front matter is Jekyll's to process (a page, or a Liquid template
      // such as feed.xml); the compiler decides which.
      const text = await readText(abs, rel, read);
      if ("problem" in text) out.problems.push(text.problem);
      else if (draft) out.files.push({ path: rel, text: text.ok, inPosts, draft: { mtimeMs: (await stat(abs)).mtimeMs } });
      else out.files.push({ path: rel, text: text.ok, inPosts });
    } else {
      // Every other file is served as it is, as Jekyll copies a file without front matter (CSS,
      // scripts, fonts, images); the core leaves out what the site's rules exclude.
      const bytes = await read(abs);
      if (bytes.byteLength > MAX_MEDIA_BYTES) out.problems.push(tooLarge(rel, bytes.byteLength, MAX_MEDIA_BYTES, "media"));
      else out.media.push({ path: rel, bytes: at.kept ? bytes : new Uint8Array(bytes) });
    }
  }
}

/** Jekyll's `_data/` folder, subfolders too: its YAML and JSON files, read as text (the core decides which it understands). */
async function readData(dir: string, rel: string, out: ContentFiles, read: Read): Promise<void> {
  const data: NonNullable<ContentFiles["data"]> = out.data ?? [];
  out.data = data;
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.isDirectory() && !entry.name.startsWith(".")) await readData(join(dir, entry.name), `${rel}/${entry.name}`, out, read);
    if (!entry.isFile() || !/\.(ya?ml|json)$/i.test(entry.name)) continue;
    const text = await readText(join(dir, entry.name), `${rel}/${entry.name}`, read);
    if ("problem" in text) out.problems.push(text.problem);
    else data.push({ path: `${rel}/${entry.name}`, text: text.ok });
  }
}

/** Jekyll's `_includes/` folder, every file in it as text (includes are HTML, Markdown, SVG, anything). */
async function readIncludes(root: string, dir: string, out: ContentFiles, read: Read): Promise<void> {
  out.includes ??= [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) await readIncludes(root, abs, out, read);
    else if (entry.isFile()) {
      const path = relative(root, abs).split(sep).join("/");
      const text = await readText(abs, `_includes/${path}`, read);
      // Only text can be included; a binary file there is nobody's include.
      if ("problem" in text) out.skipped.push({ path: `_includes/${path}`, reason: text.problem.reason });
      else out.includes.push({ path, text: text.ok });
    }
  }
}

/** Jekyll's `_layouts/` folder: each layout file as text (its front matter names the layout it sits in). */
async function readLayouts(dir: string, out: ContentFiles, read: Read): Promise<void> {
  out.layouts ??= [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!entry.isFile() || IGNORED_FILE.test(entry.name)) continue;
    const text = await readText(join(dir, entry.name), `_layouts/${entry.name}`, read);
    if ("problem" in text) out.problems.push(text.problem);
    else out.layouts.push({ path: entry.name, text: text.ok });
  }
}

/** Whether a file starts with a front matter fence (`---` on the first line). */
async function hasFrontMatter(abs: string): Promise<boolean> {
  const handle = await open(abs, "r");
  try {
    const head = new Uint8Array(8);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return /^(?:\ufeff)?---[ \t]*\r?\n/.test(new TextDecoder().decode(head.subarray(0, bytesRead)));
  } finally {
    await handle.close();
  }
}

/** A source file as UTF-8 text, or why it cannot be published. */
async function readText(abs: string, rel: string, read: Read): Promise<{ ok: string } | { problem: Problem }> {
  const bytes = await read(abs);
  if (bytes.byteLength > MAX_SOURCE_BYTES) return { problem: tooLarge(rel, bytes.byteLength, MAX_SOURCE_BYTES, "a post") };
  try {
    return { ok: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { problem: { file: rel, line: lineOfBadUtf8(bytes), reason: "file is not UTF-8 text (re-save it as UTF-8)" } };
  }
}

function tooLarge(file: string, bytes: number, max: number, what: string): Problem {
  return { file, line: 1, reason: `file is ${(bytes / 1048576).toFixed(1)} MiB; ${what} may be at most ${max / 1048576} MiB` };
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
