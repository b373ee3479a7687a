/**
 * Where media files belong, measured: a content folder's images and other files published as the
 * Worker's static assets (the choice made), against storing each in KV (one write each). Stages the
 * files the way `npm run publish` does (first time, then unchanged), serves them with Miniflare's
 * static-asset server (what `wrangler dev` runs), and asks wrangler what a deploy would upload.
 *
 *   npm run bench:media -- [--content DIR]      (default: ../shared/corpus/etiago)
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { Miniflare } from "miniflare";
import { loadContent } from "../src/cli/load-content.ts";
import { stageMedia } from "../src/cli/media-assets.ts";
import { withWranglerDefaults } from "../src/cli/wrangler-env.ts";
import { mediaPath } from "../src/compile/conflicts.ts";
import { encodePath } from "../src/format/urls.ts";
import { typedPath } from "./lib/project.ts";

const ROOT = resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { content: { type: "string", default: resolve(ROOT, "../shared/corpus/etiago") } } });
const content = await loadContent(typedPath(String(values.content)));
const media = content.media;
const bytes = media.reduce((sum, f) => sum + f.bytes.byteLength, 0);
const dir = await mkdtemp(join(tmpdir(), "edgepress-media-"));
const assets = join(dir, "assets");
try {
  let started = performance.now();
  const first = await stageMedia(media, assets);
  const firstMs = performance.now() - started;
  started = performance.now();
  const again = await stageMedia(media, assets);
  const againMs = performance.now() - started;

  // What `wrangler deploy` would upload: the project's own configuration, pointed at these files.
  const toml = (await readFile(join(ROOT, "wrangler.toml"), "utf8")).replace(/^directory = .*$/m, `directory = ${JSON.stringify(assets)}`);
  await writeFile(
    join(dir, "wrangler.toml"),
    toml.replace('main = "src/worker.ts"', `main = ${JSON.stringify(join(ROOT, "src/worker.ts"))}`),
  );
  const wrangler = createRequire(import.meta.url).resolve("wrangler/bin/wrangler.js");
  const dryRun = execFileSync(
    process.execPath,
    [wrangler, "deploy", "--dry-run", "--outdir", join(dir, "out"), "--config", join(dir, "wrangler.toml")],
    {
      env: withWranglerDefaults(process.env),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const uploadLine =
    dryRun
      .split("\n")
      .find((l) => l.includes("Total Upload"))
      ?.trim() ?? "(wrangler printed no upload size)";

  // Served as `wrangler dev` serves them: Miniflare's static-asset server ahead of a Worker.
  const mf = new Miniflare({
    modules: true,
    script: 'export default { fetch() { return new Response("not an asset", { status: 404 }); } };',
    compatibilityDate: "2026-04-20",
    assets: { directory: assets, routerConfig: { has_user_worker: true } },
  });
  let ok = 0;
  started = performance.now();
  try {
    for (const file of media) {
      const res = await mf.dispatchFetch(`http://blog.test${encodePath(mediaPath(file))}`);
      if (res.status === 200 && (await res.arrayBuffer()).byteLength === file.bytes.byteLength) ok++;
    }
  } finally {
    await mf.dispose();
  }
  const serveMs = performance.now() - started;

  // Stored in KV instead, each file is one value: base64 in a small JSON wrapper.
  const kvBytes = media.reduce((sum, f) => sum + Math.ceil(f.bytes.byteLength / 3) * 4 + 64, 0);
  const mib = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;
  console.log(`${String(values.content)}: ${media.length} media files, ${mib(bytes)}\n`);
  console.log("| | static assets (chosen) | one KV value each |");
  console.log("| --- | --- | --- |");
  console.log(`| KV writes, first publish | 0 | ${media.length} |`);
  console.log(`| bytes stored | ${mib(bytes)} (deployed with the Worker) | ${mib(kvBytes)} (base64) |`);
  console.log(`| Worker requests to serve them | 0 (served ahead of the Worker) | ${media.length} per full view of every file |`);
  console.log(`| first publish (copy into the assets folder) | ${first.copied} copied in ${firstMs.toFixed(0)} ms | — |`);
  console.log(`| unchanged publish | ${again.copied} copied, ${again.unchanged} unchanged in ${againMs.toFixed(0)} ms | — |`);
  console.log(
    `| served locally (Miniflare, as wrangler dev) | ${ok}/${media.length} answered 200, byte for byte, in ${serveMs.toFixed(0)} ms | — |`,
  );
  console.log(`\nwrangler deploy --dry-run: ${uploadLine}`);
  if (ok !== media.length) process.exitCode = 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
