/**
 * The one bundler: `wrangler deploy --dry-run --outdir`, so the scripts run and measure the bytes a
 * deploy would upload, never a build of their own.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, extname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { projectConfig, WRANGLER_TOML } from "./project.ts";
import { runNode } from "./run-process.ts";

export interface Bundle {
  /** The bundled module, named after the entry module (worker.js for src/worker.ts); the text modules it imports beside it. */
  path: string;
  /** The folder wrangler wrote into. */
  outdir: string;
  rawBytes: number;
  /** gzip -9 of each module (the Worker's, and the built-in theme's templates it imports as text), added up: close to what Cloudflare counts against the size limit. */
  gzipBytes: number;
  /** wrangler's own "Total Upload: … / gzip: …" line. */
  wranglerSays: string;
}

export interface BundleOptions {
  /** Where wrangler writes the bundle; a new temporary folder when left out. */
  outdir?: string;
  /**
   * A module to bundle instead of the blog (wrangler.toml's `main`), as a Worker of its own with the
   * project's compatibility date: the benchmark's hello Worker.
   */
  entry?: string;
}

const wrangler = createRequire(import.meta.url).resolve("wrangler/bin/wrangler.js");

export async function bundleWorker(options: BundleOptions = {}): Promise<Bundle> {
  const outdir = options.outdir ?? (await mkdtemp(join(tmpdir(), "edgepress-bundle-")));
  const own = options.entry === undefined ? null : await entryConfig(options.entry);
  // wrangler checks that the static assets folder wrangler.toml names exists, even for a dry run.
  if (own === null) await mkdir(join(dirname(WRANGLER_TOML), "dist", "assets"), { recursive: true });
  try {
    const output = await runNode([wrangler, "deploy", "--dry-run", "--outdir", outdir, "--config", own?.path ?? WRANGLER_TOML]);
    // One module, named after the entry (worker.js for src/worker.ts); source maps end in .map.
    const module = (await readdir(outdir)).find((file) => file.endsWith(".js"));
    if (module === undefined) throw new Error(`wrangler wrote no .js bundle into ${outdir}:\n${output}`);
    const files = (await readdir(outdir)).filter((file) => /\.(js|html|css)$/.test(file));
    const modules = await Promise.all(files.map((file) => readFile(join(outdir, file))));
    return {
      path: join(outdir, module),
      outdir,
      rawBytes: modules.reduce((sum, bytes) => sum + bytes.byteLength, 0),
      gzipBytes: modules.reduce((sum, bytes) => sum + gzipSync(bytes, { level: 9 }).byteLength, 0),
      wranglerSays: (output.split("\n").find((line) => line.includes("Total Upload")) ?? "").trim(),
    };
  } finally {
    if (own !== null) await rm(own.dir, { recursive: true, force: true });
  }
}

/** A wrangler.toml of its own for a standalone module, in a folder removed once it is bundled. */
async function entryConfig(entry: string): Promise<{ dir: string; path: string }> {
  const dir = await mkdtemp(join(tmpdir(), "edgepress-entry-"));
  const path = join(dir, "wrangler.toml");
  const { compatibilityDate } = await projectConfig();
  const name = basename(entry, extname(entry));
  await writeFile(path, `name = "${name}"\nmain = ${JSON.stringify(resolve(entry))}\ncompatibility_date = "${compatibilityDate}"\n`);
  return { dir, path };
}
