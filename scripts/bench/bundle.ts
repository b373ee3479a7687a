/**
 * Bundles a Worker exactly as a deploy would (`wrangler deploy --dry-run --outdir`), and reads the
 * upload size wrangler reports, so the benchmark runs and measures the bytes that would ship.
 */
import { spawn } from "node:child_process";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { withWranglerDefaults } from "../../src/cli/wrangler-env.ts";

export interface Bundle {
  /** The bundled module to run. */
  path: string;
  rawBytes: number;
  gzipBytes: number;
  /** wrangler's own "Total Upload: … / gzip: …" line. */
  wranglerSays: string;
}

const wranglerBin = createRequire(import.meta.url).resolve("wrangler/bin/wrangler.js");

export async function bundleWorker(configPath: string, outdir: string): Promise<Bundle> {
  // wrangler checks that the static assets folder wrangler.toml names exists, even for a dry run.
  await mkdir(join(dirname(configPath), "dist", "assets"), { recursive: true });
  const output = await run(process.execPath, [wranglerBin, "deploy", "--dry-run", "--outdir", outdir, "--config", configPath]);
  // The bundle is named after the entry module (worker.js for src/worker.ts).
  const name = (await readdir(outdir)).find((f) => f.endsWith(".js"));
  if (name === undefined) throw new Error(`wrangler wrote no .js bundle into ${outdir}:\n${output}`);
  const path = join(outdir, name);
  const bytes = await readFile(path);
  const line = output.split("\n").find((l) => l.includes("Total Upload")) ?? "";
  return { path, rawBytes: bytes.byteLength, gzipBytes: gzipSync(bytes, { level: 9 }).byteLength, wranglerSays: line.trim() };
}

/** A wrangler.toml for the hello Worker, in a folder of its own. */
export async function helloConfig(dir: string, main: string, compatibilityDate: string): Promise<string> {
  const path = join(dir, "wrangler.toml");
  await writeFile(path, `name = "hello"\nmain = ${JSON.stringify(main)}\ncompatibility_date = "${compatibilityDate}"\n`);
  return path;
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: withWranglerDefaults(process.env), stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`wrangler ${args.join(" ")} exited ${code}:\n${out}`))));
  });
}
