/**
 * `npm run bench`: serves the blog Worker and a minimal Hono "hello" Worker on the same workerd
 * (through Miniflare, no dev proxy), drives both with wrk on 127.0.0.1, and prints every figure as
 * a ratio to the hello Worker measured in the same run; then the same requests against a 10-post and
 * a 10,000-post site, the bundle size, start-up time and the uncached render cost of the largest post.
 *
 * Settings (environment): BENCH_SECONDS (per route, default 5), BENCH_CONNECTIONS (16),
 * BENCH_POSTS (10000), BENCH_PORT (first of two ports, 8860), BENCH_CORPUS (../shared/corpus/etiago).
 */

import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { type Bundle, bundleWorker, helloConfig } from "./bench/bundle.ts";
import { generateSite } from "./bench/generate-site.ts";
import { cpuPerRequest } from "./bench/in-process.ts";
import { largestPostRenderCost, type RenderCost } from "./bench/render-cpu.ts";
import { type Measured, printReport, type SiteRun } from "./bench/report.ts";
import { BENCH_ROUTES, notServed } from "./bench/routes.ts";
import { publishInto, type Server, serve } from "./bench/servers.ts";
import { type LoadResult, load } from "./bench/wrk.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const LARGE = Number(process.env.BENCH_POSTS ?? 10_000);
const SMALL = 10;
const PORT = Number(process.env.BENCH_PORT ?? 8860);
const CORPUS = resolve(process.env.BENCH_CORPUS ?? "../shared/corpus/etiago");
const COMPATIBILITY_DATE = "2026-04-20";
const run = promisify(execFile);

async function main(): Promise<void> {
  const started = performance.now();
  const tmp = await mkdtemp(join(os.tmpdir(), "edgepress-bench-"));
  try {
    log("bundling the blog and the hello Worker with wrangler deploy --dry-run");
    const blog = await bundleWorker(resolve("wrangler.toml"), join(tmp, "blog"));
    await mkdir(join(tmp, "hello"));
    const helloToml = await helloConfig(join(tmp, "hello"), resolve("scripts/bench/hello-worker.ts"), COMPATIBILITY_DATE);
    const hello = await bundleWorker(helloToml, join(tmp, "hello", "out"));
    const evalMs = { blog: await moduleEvalMs(blog), hello: await moduleEvalMs(hello) };

    log(`rendering the largest post of ${CORPUS}`);
    const render: RenderCost | null = await largestPostRenderCost(CORPUS).catch((error: Error) => {
      log(`  skipped: ${error.message}`);
      return null;
    });

    log("starting each Worker on a fresh workerd");
    const startMs = { blog: await startMsOf(blog, join(tmp, "kv-empty")), hello: await startMsOf(hello, undefined) };

    const runs: SiteRun[] = [];
    for (const posts of [SMALL, LARGE]) runs.push(await benchSite(tmp, posts, blog, hello));

    printReport({ machine: machine(), blog, hello, evalMs, startMs, render, runs, seconds: SECONDS, connections: CONNECTIONS });
    log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function benchSite(tmp: string, posts: number, blog: Bundle, hello: Bundle): Promise<SiteRun> {
  const content = join(tmp, `site-${posts}`);
  log(`generating and publishing a ${posts}-post site`);
  await generateSite(content, posts);
  log("  measuring CPU per request in this process");
  const cpu = await cpuPerRequest(content, BENCH_ROUTES);
  const helloServer = await serve({ script: hello.path, port: PORT, compatibilityDate: COMPATIBILITY_DATE });
  const blogServer = await serve({
    script: blog.path,
    port: PORT + 1,
    compatibilityDate: COMPATIBILITY_DATE,
    kvPersist: join(tmp, `kv-${posts}`),
    loader: true,
  }).catch(async (error: unknown) => {
    await helloServer.close();
    throw error;
  });
  try {
    const published = await publishInto(blogServer, content);
    log(`  ${published.posts} posts, ${published.routes} routes, pointer ${(published.pointerBytes / 1024).toFixed(0)} KiB`);
    const measured: Measured[] = [];
    for (const route of BENCH_ROUTES) {
      const why = await notServed(blogServer.url, route);
      if (why !== null) {
        log(`  ${route.name} ${route.path}: ${why}`);
        measured.push({ route, result: null, hello: null, why });
        continue;
      }
      const hello = await measure(helloServer, "/", null);
      const result = await measure(blogServer, route.path, route.cold === true ? tmp : null);
      log(`  ${route.name} ${route.path}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`);
      if (route.expect === 200 && result.non2xx3xx > 0) throw new Error(`${route.name}: ${result.non2xx3xx} failed answers`);
      measured.push({ route, result, hello, why: null });
    }
    return { posts, published, measured, cpu };
  } finally {
    await blogServer.close();
    await helloServer.close();
  }
}

/** Median of three starts: from launching workerd to the Worker's first answer. */
async function startMsOf(bundle: Bundle, kvPersist: string | undefined): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const server = await serve({
      script: bundle.path,
      port: PORT,
      compatibilityDate: COMPATIBILITY_DATE,
      ...(kvPersist ? { kvPersist } : {}),
    });
    times.push(server.startMs);
    await server.close();
  }
  return times.sort((a, b) => a - b)[1] ?? Number.NaN;
}

/** `uniqueIn`: a folder for wrk's script when every request must be a new URL (a cache miss). */
async function measure(server: Server, path: string, uniqueIn: string | null): Promise<LoadResult> {
  const options = { connections: CONNECTIONS, ...(uniqueIn === null ? {} : { unique: { scratchDir: uniqueIn } }) };
  // A short run first fills the caches (for warm routes) and lets both engines compile the hot code.
  await load(server.url + path, { ...options, seconds: 1 });
  return load(server.url + path, { ...options, seconds: SECONDS });
}

/**
 * Time to load and evaluate the bundle's top level, the part of Worker start-up the code decides:
 * the median of fresh Node processes (same V8 as workerd), with no TypeScript loader in the way.
 */
async function moduleEvalMs(bundle: Bundle): Promise<number> {
  const probe = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(bundle.path).href)}); console.log(performance.now() - t);`;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", probe]);
    times.push(Number(stdout.trim()));
  }
  return times.sort((a, b) => a - b)[2] ?? Number.NaN;
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? "unknown CPU"} × ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
