/**
 * What a watching process (`npm run dev`) keeps of each stylesheet's Sass compile: the CSS, handed
 * back while the stylesheet's text and settings and every file Sass read for it (its partials, as
 * the compile's `loadedUrls` lists them) are byte for byte the same, and no folder Sass looks in has
 * gained or lost a file (a new partial could be found before the one read last time). A post save
 * then compiles no Sass; an edited partial compiles again. Results are the same as without it.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname } from "node:path";
import type { StyleResult } from "../compile/stylesheets.ts";

/**
 * A file changed this recently may have been saved while Sass was reading it: what is on disk now
 * could differ from what was compiled, so such a compile is not kept (the next save compiles again).
 * Wide enough for file systems whose timestamps are coarse.
 */
const FRESH_MS = 2_000;

type Compiled = Extract<StyleResult, { css: string }>;

interface Held {
  /** The stylesheet's text and settings, as given to Sass. */
  key: string;
  result: Compiled;
  /** Each file Sass read, by absolute path, with its bytes (null: it was gone when checked). */
  files: Map<string, Buffer | null>;
  /** Each folder Sass may look in, with its file names. */
  folders: Map<string, string | null>;
}

export class SassMemo {
  readonly #held = new Map<string, Held>();
  /** Stylesheets compiled by Sass since the count was last reset (the rest came from memory). */
  compiled = 0;

  /** The compile of stylesheet `path` kept under `key`, if nothing it read has changed since. */
  get(path: string, key: string): Compiled | null {
    const held = this.#held.get(path);
    if (held === undefined || held.key !== key) return null;
    for (const [file, bytes] of held.files) {
      const now = readOrNull(file);
      if (now === null || bytes === null || !now.equals(bytes)) return null;
    }
    for (const [folder, names] of held.folders) if (listing(folder) !== names) return null;
    return held.result;
  }

  /**
   * Keeps a compile that read `files` and may have looked in `folders`; `startedMs` (epoch ms) is
   * when it began. Forgets the stylesheet instead when a file it read changed around that time.
   */
  set(path: string, key: string, result: Compiled, files: readonly string[], folders: readonly string[], startedMs: number): void {
    this.compiled++;
    this.#held.delete(path);
    const held: Held = { key, result, files: new Map(), folders: new Map() };
    for (const file of files) {
      const info = statOrNull(file);
      if (info === null || info.mtimeMs >= startedMs - FRESH_MS) return;
      held.files.set(file, readOrNull(file));
    }
    for (const folder of new Set([...folders, ...files.map((f) => dirname(f))])) held.folders.set(folder, listing(folder));
    this.#held.set(path, held);
  }

  /** Forgets a stylesheet whose compile failed: it is compiled again next time. */
  forget(path: string): void {
    this.compiled++;
    this.#held.delete(path);
  }
}

function readOrNull(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

function statOrNull(file: string): { mtimeMs: number } | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/** A folder's names, sorted, as one string; null when it does not exist. */
function listing(folder: string): string | null {
  try {
    return readdirSync(folder).sort().join("\n");
  } catch {
    return null;
  }
}
