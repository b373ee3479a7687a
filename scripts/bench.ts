/**
 * `npm run bench`: serves the blog Worker (on a 10-post and on a 10,000-post site) and a minimal Hono
 * "hello" Worker, each on its own workerd (through Miniflare, no dev proxy), and drives them with wrk
 * on 127.0.0.1. Each route is measured in rounds that run the three back to back, so every ratio
 * compares runs that saw the same machine; the report gives the median of the rounds. Then the bundle
 * size, start-up time and the uncached render cost of the largest post. The corpus is also served with
 * its own theme and, from a copy without its `_layouts/`, with the built-in theme: the uncached render
 * of its largest post with the theme, and warm requests for that post in both (in process and on workerd).
 *
 * Requests carry the Accept-Encoding every browser and feed reader sends, so the Workers answer as
 * they would answer readers.
 *
 * Settings (environment): BENCH_SECONDS (per run, default 3), BENCH_ROUNDS (5), BENCH_CONNECTIONS (16),
 * BENCH_POSTS (10000), BENCH_PORT (first of five ports, 8860), BENCH_CORPUS (../shared/corpus/etiago).
 */

import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { generateSite } from "./bench/generate-site.ts";
import { cpuPerRequest } from "./bench/in-process.ts";
import { largestPostRenderCost, type RenderCost } from "./bench/render-cpu.ts";
import { printReport, type Round, type RouteRun, type SiteInfo, type ThemedReport } from "./bench/report.ts";
import { BENCH_ROUTES, type BenchRoute, BROWSER_HEADERS, notServed } from "./bench/routes.ts";
import { builtInCopy, warmCpuPerRequest } from "./bench/themed.ts";
import { largestThemedPostRenderCost } from "./bench/themed-render-cpu.ts";
import { type LoadResult, load } from "./bench/wrk.ts";
import { type Bundle, bundleWorker } from "./lib/bundle.ts";
import { type LocalWorker, startWorker } from "./lib/local-worker.ts";
import { publishSite } from "./lib/publish.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const LARGE = Number(process.env.BENCH_POSTS ?? 10_000);
const SMALL = 10;
const PORT = Number(process.env.BENCH_PORT ?? 8860);
const CORPUS = resolve(process.env.BENCH_CORPUS ?? "../shared/corpus/etiago");
/**
 * On two or more CPUs, wrk runs on the first and every workerd on the last (taskset, util-linux), so
 * the load generator and the server under test never take turns on one core: on a 2-core machine
 * that scheduling was most of the run-to-run spread.
 */
const PINNING = os.cpus().length >= 2 ? { wrk: 0, server: os.cpus().length - 1 } : null;
/** What a browser sends (Chromium's value); feed readers send gzip too. */
const HEADERS = BROWSER_HEADERS;
const run = promisify(execFile);

async function main(): Promise<void> {
  const started = performance.now();
  const tmp = await mkdtemp(join(os.tmpdir(), "edgepress-bench-"));
  const servers: Server[] = [];
  try {
    log("bundling the blog and the hello Worker with wrangler deploy --dry-run");
    const blog = await bundleWorker({ outdir: join(tmp, "blog") });
    const hello = await bundleWorker({ entry: join(import.meta.dirname, "bench", "hello-worker.ts"), outdir: join(tmp, "hello") });
    const evalMs = { blog: await moduleEvalMs(blog), hello: await moduleEvalMs(hello) };

    log(`rendering the largest post of ${CORPUS}`);
    const render: RenderCost | null = await largestPostRenderCost(CORPUS).catch((error: Error) => {
      log(`  skipped: ${error.message}`);
      return null;
    });

    log(`rendering the largest post of ${CORPUS} with its own theme`);
    const themedRender: RenderCost | null = await largestThemedPostRenderCost(CORPUS).catch((error: Error) => {
      log(`  skipped: ${error.message}`);
      return null;
    });

    log("starting each Worker on a fresh workerd");
    const startMs = { blog: await startMsOf(blog, join(tmp, "kv-empty")), hello: await startMsOf(hello, undefined) };

    const helloServer = await pinned(await serve(hello, PORT));
    servers.push(helloServer);
    const sites: Array<{ info: SiteInfo; server: Server }> = [];
    for (const [i, posts] of [SMALL, LARGE].entries()) {
      const content = join(tmp, `site-${posts}`);
      log(`generating and publishing a ${posts}-post site`);
      await generateSite(content, posts);
      log("  measuring CPU per request in this process");
      const cpu = await cpuPerRequest(content, BENCH_ROUTES);
      // Published by the CLI (a process and workerd of its own), then served by a fresh workerd: a
      // deployed Worker never shares its process with a bulk write of tens of thousands of keys.
      const store = join(tmp, `kv-${posts}`);
      for (const line of (await publishSite(content, store)).summary) log(`  ${line}`);
      const server = await pinned(await serve(blog, PORT + 1 + i, store));
      servers.push(server);
      const release = await server.release();
      // Routes: addresses that answer with a page at some time (not only a redirect or "gone").
      const contents = await server.contents();
      const pages = [...contents.entries()].filter(
        ([key, answers]) => key.startsWith("/") && answers.some(([, kind]) => kind !== "redirect" && kind !== "gone"),
      );
      const published = { routes: pages.length, pointerBytes: JSON.stringify(release).length };
      log(`  ${published.routes} routes, pointer ${(published.pointerBytes / 1024).toFixed(0)} KiB`);
      sites.push({ info: { posts, published, cpu }, server });
    }
    const [small, large] = sites;
    if (small === undefined || large === undefined) throw new Error("both sites must be served");

    const routes: RouteRun[] = [];
    for (const route of BENCH_ROUTES) routes.push(await benchRoute(tmp, route, helloServer, small.server, large.server));

    // The theme's runs come last; the figures above are reported even when they cannot run.
    const themed =
      themedRender === null
        ? null
        : await themedRuns(tmp, blog, helloServer, themedRender, servers).catch((error: Error) => {
            log(`  the corpus with its own theme: skipped: ${error.message}`);
            return null;
          });

    printReport({
      machine: machine(),
      blog,
      hello,
      evalMs,
      startMs,
      render,
      themed,
      small: small.info,
      large: large.info,
      routes,
      seconds: SECONDS,
      rounds: ROUNDS,
      connections: CONNECTIONS,
      headers: HEADERS,
      pinning: PINNING,
    });
    log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    for (const server of servers) await server.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Rounds of hello, small site, large site, back to back; the first round starts with a warm-up of each. */
async function benchRoute(tmp: string, route: BenchRoute, hello: Server, small: Server, large: Server): Promise<RouteRun> {
  const why = (await notServed(small.url, route)) ?? (await notServed(large.url, route));
  if (why !== null) {
    log(`  ${route.name} ${route.path}: ${why}`);
    return { route, why, rounds: [] };
  }
  const uniqueIn = route.cold === true ? tmp : null;
  const rounds: Round[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const warm = i === 0;
    const round = {
      hello: await measure(hello, "/", null, warm),
      small: await measure(small, route.path, uniqueIn, warm),
      large: await measure(large, route.path, uniqueIn, warm),
    };
    for (const [name, result] of [
      ["10 posts", round.small],
      ["large site", round.large],
    ] as const) {
      if (route.expect === 200 && result.non2xx3xx > 0) throw new Error(`${route.name} (${name}): ${result.non2xx3xx} failed answers`);
    }
    log(
      `  ${route.name} ${route.path} round ${i + 1}: hello ${round.hello.rps.toFixed(0)}, 10 posts ${round.small.rps.toFixed(0)}, large ${round.large.rps.toFixed(0)} req/s`,
    );
    rounds.push(round);
  }
  return { route, why: null, rounds };
}

/**
 * The corpus with its own theme and with the built-in one (a copy without `_layouts/`): warm requests
 * for the themed render's post, in process and on workerd, in rounds that run the two back to back.
 */
async function themedRuns(tmp: string, blog: Bundle, hello: Server, render: RenderCost, servers: Server[]): Promise<ThemedReport> {
  const copy = await builtInCopy(CORPUS, join(tmp, "corpus-built-in-theme"));
  log("  measuring warm CPU per request of its largest post, with its theme and with the built-in one, in this process");
  const cpu = await warmCpuPerRequest(CORPUS, copy, render.path);
  const [themedServer, builtInServer] = [
    await publishAndServe(blog, CORPUS, join(tmp, "kv-corpus-themed"), PORT + 3, servers),
    await publishAndServe(blog, copy, join(tmp, "kv-corpus-built-in"), PORT + 4, servers),
  ];
  const rounds: ThemedReport["rounds"] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const warm = i === 0;
    const round = {
      hello: await measure(hello, "/", null, warm),
      themed: await measure(themedServer, render.path, null, warm),
      builtIn: await measure(builtInServer, render.path, null, warm),
    };
    for (const result of [round.themed, round.builtIn])
      if (result.non2xx3xx > 0) throw new Error(`${render.path}: ${result.non2xx3xx} failed answers`);
    log(
      `  ${render.path} round ${i + 1}: hello ${round.hello.rps.toFixed(0)}, own theme ${round.themed.rps.toFixed(0)}, built-in theme ${round.builtIn.rps.toFixed(0)} req/s`,
    );
    rounds.push(round);
  }
  return { render, cpu, rounds };
}

async function publishAndServe(blog: Bundle, content: string, store: string, port: number, servers: Server[]): Promise<Server> {
  log(`publishing ${content}`);
  for (const line of (await publishSite(content, store)).summary) log(`  ${line}`);
  const server = await pinned(await serve(blog, port, store));
  servers.push(server);
  return server;
}

/** A bundle on a fresh workerd (over a store, for the blog), answering its first request. */
interface Server extends LocalWorker {
  /** From starting workerd to the Worker's first answer. */
  startMs: number;
}

async function serve(bundle: Bundle, port: number, persistTo?: string): Promise<Server> {
  // No static assets: the generated sites have no media, and Miniflare's asset router would add a hop
  // of its own to every request to the blog that the hello Worker does not pay (Cloudflare routes
  // assets in its own front line; `npm run bench:media` measures them).
  const worker = await startWorker({ code: { path: bundle.path }, port, assets: false, ...(persistTo === undefined ? {} : { persistTo }) });
  try {
    const asked = performance.now();
    await (await worker.fetch("/")).arrayBuffer();
    return { ...worker, startMs: worker.readyMs + performance.now() - asked };
  } catch (error) {
    await worker.close();
    throw error;
  }
}

/** Median of three starts: from launching workerd to the Worker's first answer. */
async function startMsOf(bundle: Bundle, persistTo: string | undefined): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const server = await serve(bundle, PORT, persistTo);
    times.push(server.startMs);
    await server.close();
  }
  return times.sort((a, b) => a - b)[1] ?? Number.NaN;
}

/** Moves every thread of the server's workerd onto the server CPU. */
async function pinned(server: Server): Promise<Server> {
  if (PINNING === null) return server;
  if (server.workerdPids.length === 0) throw new Error(`found no workerd process for ${server.url} to pin`);
  for (const pid of server.workerdPids) await run("taskset", ["-a", "-pc", String(PINNING.server), String(pid)]);
  return server;
}

/** `uniqueIn`: a folder for wrk's script when every request must be a new URL (a cache miss). */
async function measure(server: Server, path: string, uniqueIn: string | null, warmUp: boolean): Promise<LoadResult> {
  const options = {
    connections: CONNECTIONS,
    headers: HEADERS,
    ...(PINNING === null ? {} : { cpu: PINNING.wrk }),
    ...(uniqueIn === null ? {} : { unique: { scratchDir: uniqueIn } }),
  };
  // A short run first fills the caches (for warm routes) and lets both engines compile the hot code.
  if (warmUp) await load(server.url + path, { ...options, seconds: 1 });
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
    // The bundle's text modules (the built-in theme's .html and .css) load through text-modules.mjs; should a module fail, the figure is left out, not the run.
    const out = await run(process.execPath, [
      "--import",
      new URL("./bench/text-modules.mjs", import.meta.url).href,
      "--input-type=module",
      "-e",
      probe,
    ]).catch((error: Error) => {
      log(`module evaluation not measured: ${error.message.split("\n").find((l) => l.includes("ERR_")) ?? error.message}`);
      return null;
    });
    if (out === null) return Number.NaN;
    times.push(Number(out.stdout.trim()));
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
