/**
 * One watched content folder published into local KV, again and again: the publish pipeline of
 * `npm run publish`, with what did not change kept in memory between saves (each file's bytes, each
 * post's parse and rendering, the media last staged, the buckets last packed and what the store
 * holds), so a save costs the work of what it touched: it packs and writes only the buckets whose
 * keys changed, and reads nothing back from KV but the pointer. A save that breaks a file publishes
 * nothing: the last good release stays live.
 */
import { resolve } from "node:path";
import { CompileMemo } from "../../compile/compile-memo.ts";
import { compileSite } from "../../compile/compile-site.ts";
import type { MediaFile } from "../../content/content-files.ts";
import { formatProblem, formatWarning } from "../../content/problem.ts";
import type { ThemeModel } from "../../model/theme.ts";
import { PublishMemory, publishBuild, readPointer } from "../../store/publish.ts";
import { builtInTheme } from "../../theme/built-in-theme.ts";
import { readBuiltInFiles } from "../built-in-files.ts";
import type { CliDeps, OpenedKv } from "../deps.ts";
import { loadContent } from "../load-content.ts";
import { mediaDigest, stageMedia } from "../media-assets.ts";
import { sassCompiler } from "../sass-compiler.ts";
import { SassMemo } from "../sass-memo.ts";

export interface PreviewFlags {
  drafts: boolean;
  future: boolean;
}

export type PreviewPublish =
  | {
      ok: true;
      paths: string[];
      media: string[];
      writes: number;
      /** Until the new release was live (what a reader waits for), and until the publish's clean-up was done too. */
      liveMs: number;
      ms: number;
      parsed: number;
      rendered: number;
      /** Buckets packed anew (the others were the same as last time). */
      packed: number;
      /** Stylesheets Sass compiled anew (the others read nothing that changed). */
      styles: number;
      /** Where the time until live went, in ms: reading the folder, compiling, packing and planning, writing to KV. */
      steps: { read: number; compile: number; pack: number; write: number };
    }
  | { ok: false; lines: string[]; ms: number };

export class PreviewSession {
  readonly #memo = new CompileMemo();
  readonly #store = new PublishMemory();
  readonly #sass = new SassMemo();
  readonly #reuse = new Map<string, { mtimeMs: number; size: number; bytes: Buffer }>();
  /** The last save's warnings as printed: a save repeats none of them, so what is new stands out. */
  #warned = new Set<string>();
  /** The media last staged, by path: a save that leaves them alone stages nothing. */
  #staged: Map<string, Uint8Array> | null = null;
  #digest = "";
  /** The built-in theme, read once: it completes the site's own theme as `npm run publish` completes it. */
  #builtIn: ThemeModel | null = null;

  constructor(
    private readonly root: string,
    private readonly flags: PreviewFlags,
    private readonly kv: OpenedKv,
    private readonly assetsDir: string | null,
    private readonly deps: CliDeps,
  ) {}

  /** `onLive`: called as soon as the new release is live, before the history and clean-up that follow. */
  async publish(onLive?: (changed: { paths: string[]; media: string[] }) => void): Promise<PreviewPublish> {
    const started = performance.now();
    const now = this.deps.now();
    const root = resolve(this.deps.cwd, this.root);
    // Asked for now, answered while the folder is read and compiled: the publish need not wait for it.
    const pointer = readPointer(this.kv.port);
    // A save that does not compile never reads it; its failure is the publish's to report.
    pointer.catch(() => {});
    const files = await loadContent(root, { drafts: this.flags.drafts, reuse: this.#reuse });
    this.#builtIn ??= builtInTheme(await readBuiltInFiles());
    const read = performance.now();
    const preview = { memo: this.#memo, ...this.flags };
    this.#sass.compiled = 0;
    const reading = compileSite(files, {}, now.getTime(), preview, sassCompiler(root, this.#sass), this.#builtIn);
    const compiled = performance.now();
    const warnings = reading.warnings.map(formatWarning);
    for (const line of warnings) if (!this.#warned.has(line)) this.deps.stderr(line);
    this.#warned = new Set(warnings);
    if (reading.build === null) {
      const lines = reading.problems.map(formatProblem);
      this.deps.stderr(
        `Not published (the last good preview is still served): ${lines.length} problem${lines.length === 1 ? "" : "s"} to fix.`,
      );
      for (const line of lines) this.deps.stderr(line);
      return { ok: false, lines, ms: performance.now() - started };
    }
    const media = await this.#stage(reading.media);
    let paths: string[] = [];
    let liveMs: number | null = null;
    let planned = performance.now();
    const result = await publishBuild(this.kv.port, reading.build, {
      now,
      dryRun: false,
      media: this.#digest,
      memory: this.#store,
      pointer,
      onPlan: (plan) => {
        planned = performance.now();
        paths = [...plan.added, ...plan.changed, ...plan.removed];
      },
      onProgress: (progress) => {
        if (progress.phase !== "live") return;
        liveMs = performance.now() - started;
        onLive?.({ paths, media });
      },
    });
    const live = liveMs ?? performance.now() - started;
    const steps = { read: read - started, compile: compiled - read, pack: planned - compiled, write: started + live - planned };
    return {
      ok: true,
      paths,
      media,
      writes: result.written,
      liveMs: live,
      steps,
      ms: performance.now() - started,
      parsed: this.#memo.parsedLast,
      rendered: this.#memo.preparedLast,
      packed: this.#store.pack.encodedLast,
      styles: this.#sass.compiled,
    };
  }

  /** Stages the media when any changed; returns the addresses of those that did. */
  async #stage(media: readonly MediaFile[]): Promise<string[]> {
    const next = new Map(media.map((m) => [m.path, m.bytes]));
    const before = this.#staged;
    const changed =
      before === null
        ? [...next.keys()]
        : [...new Set([...next.keys(), ...before.keys()])].filter((path) => !sameBytes(before.get(path), next.get(path)));
    if (before !== null && changed.length === 0) return [];
    this.#digest = mediaDigest(media);
    if (this.assetsDir !== null) await stageMedia(media, this.assetsDir);
    this.#staged = next;
    return changed.map((path) => `/${path}`);
  }
}

/**
 * A file read again keeps its bytes' object, but a stylesheet compiled from Sass or Liquid is new
 * bytes on every save: compared by content, so a post save does not restage it and reload every tab
 * that links it.
 */
function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && Buffer.compare(a, b) === 0);
}
