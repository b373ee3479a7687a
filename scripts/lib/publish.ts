/**
 * The one way the scripts put a site into a local store: the project's own `publish` command, run as
 * a user runs it, into a folder in `wrangler dev --persist-to` layout that a local Worker then serves.
 * (The benchmark's CPU-per-request figure publishes in its own process instead, into memory: see
 * scripts/bench/in-process.ts.)
 */
import { mkdtemp } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { typedPath } from "./project.ts";
import { runNode } from "./run-process.ts";

export interface Published {
  /** The store folder: pass it to startWorker's `persistTo`. */
  persistTo: string;
  /** Everything the command printed. */
  output: string;
  /** Its summary: what it read and what it wrote. */
  summary: string[];
}

const tsx = createRequire(import.meta.url).resolve("tsx/cli");

/** Publishes a content folder (as the user typed it) into `persistTo` (a new temporary folder when left out). */
export async function publishSite(content: string, persistTo?: string): Promise<Published> {
  const store = persistTo ?? (await mkdtemp(join(tmpdir(), "edgepress-kv-")));
  const output = await runNode([tsx, "src/cli/index.ts", "publish", "--content", typedPath(content), "--persist-to", store]);
  const summary = output.split("\n").filter((line) => /^(Read |Wrote |Already live)/.test(line));
  return { persistTo: store, output, summary };
}
