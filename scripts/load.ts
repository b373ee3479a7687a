/**
 * Load run against the bundled Worker on 127.0.0.1: a fixed number of connections for a fixed time,
 * cycling through every published page, the feed, redirects, `?p=` links and missing pages, while
 * sampling the workerd process's resident memory; then the same load against a baseline Worker that
 * returns a fixed page, in the same runtime. Fails on any error, timeout or answer other than 2xx, 3xx
 * or 404, and when the blog's memory grows beyond the runtime's own growth. Stops by itself.
 *
 *   npx tsx scripts/load.ts [--content DIR] [--duration 60] [--connections 64] [--warmup 30] [--port 8882]
 */
import { parseArgs } from "node:util";
import type autocannon from "autocannon";
import { encodePath } from "../src/format/urls.ts";
import type { Answer } from "../src/model/release.ts";
import { checker } from "./lib/checks.ts";
import { connectIsolateHeap, type IsolateHeap } from "./lib/isolate-heap.ts";
import { type LocalWorker, startWorker } from "./lib/local-worker.ts";
import { runMain } from "./lib/run-main.ts";
import { serveSite, siteOptions } from "./lib/serve-site.ts";
import { rssMiB } from "./lib/workerd-processes.ts";

const { values } = parseArgs({
  options: {
    ...siteOptions(8882),
    duration: { type: "string", default: "60" },
    connections: { type: "string", default: "64" },
    warmup: { type: "string", default: "30" },
    /** Comma-separated paths to request instead of the whole site (to narrow down a finding). */
    paths: { type: "string" },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
/**
 * The same load, unmeasured, first: workerd's heap grows for tens of seconds under a new load before it
 * settles (a static route shows the same), so memory is judged over the measured run after that.
 */
const warmup = Number(values.warmup);
/** The blog's memory growth may exceed the runtime's own (the baseline's) by this factor plus SLACK_MIB. */
const MAX_GROWTH = 1.5;
const SLACK_MIB = 32;
/**
 * What "flat" allows of the isolate's live heap (after a full collection) between the end of the
 * warm-up and the end of the measured run. The caches are bounded and full after the warm-up, so
 * anything the Worker keeps per request shows up here.
 */
const MAX_LIVE_HEAP_GROWTH_MIB = 4;
const SAMPLE_MS = 5_000;
/** What browsers send: answers come in the form readers get. */
const HEADERS = { "accept-encoding": "gzip, deflate, br" };
/**
 * A Worker that answers every request with a fixed page and touches nothing: the runtime's own memory
 * behaviour under load, measured beside the blog's in the same run.
 */
const BASELINE_SCRIPT = `const page = "<!DOCTYPE html><title>baseline</title>" + "x".repeat(8000);
export default { fetch() { return new Response(page, { headers: { "Content-Type": "text/html" } }); } };`;

// However the run goes, the process ends: the load generator and server never outlive this bound.
setTimeout(
  () => {
    console.error("load run did not finish in time; stopping");
    process.exit(2);
  },
  (2 * (warmup + duration) + 180) * 1000,
).unref();

function requestMix(contents: Map<string, Answer[]>): Array<{ method: "GET"; path: string }> {
  const served = [...contents].filter(([key]) => key.startsWith("/"));
  const paths = served
    .filter(([, answers]) => answers.some(([, kind]) => kind !== "redirect" && kind !== "gone"))
    .map(([key]) => encodePath(key))
    .sort();
  const redirects = served
    .filter(([, answers]) => answers.some(([, kind]) => kind === "redirect"))
    .slice(0, 10)
    .map(([key]) => encodePath(key));
  const slashless = paths
    .filter((p) => p.length > 1 && p.endsWith("/"))
    .slice(0, 10)
    .map((p) => p.slice(0, -1));
  const ids = [...contents.keys()]
    .filter((key) => key.startsWith("#id:post:"))
    .slice(0, 10)
    .map((key) => `/?p=${key.slice("#id:post:".length)}`);
  const missing = Array.from({ length: 10 }, (_, i) => `/no/such/page-${i}/`);
  // Interleaved, so every connection meets every kind of answer from its first requests on.
  const kinds = [paths, redirects, slashless, ids, missing];
  const mixed: string[] = [];
  for (let i = 0; mixed.length < kinds.reduce((n, k) => n + k.length, 0); i++) {
    for (const kind of kinds) {
      const path = kind[i];
      if (path !== undefined) mixed.push(path);
    }
  }
  return mixed.map((path) => ({ method: "GET", path }));
}

interface Measured {
  warm: autocannon.Result | null;
  result: autocannon.Result;
  samples: number[];
  /** RSS at the start and end of the measured run, MiB. */
  first: number;
  last: number;
  /** The isolate's heap in use, MiB, sampled with the RSS (garbage included). */
  heapSamples: number[];
  /** The isolate's live heap (after a full collection), MiB, at the start and end of the measured run. */
  liveFirst: number;
  liveLast: number;
}

/** Kinds of request errors seen (connection reset, timeout…), for the report. */
const errorKinds = new Map<string, number>();

/** autocannon, from the checkers' own install (lib/checks.ts). */
type LoadGenerator = typeof autocannon;

function fire(generator: LoadGenerator, options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = generator(options, (error: unknown, result: autocannon.Result) => (error ? reject(error) : resolve(result)));
    instance.on("reqError", (error: { code?: string; message?: string }) => {
      const kind = `${options.url}: ${error.code ?? error.message ?? "unknown"}`;
      errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
    });
  });
}

/** Warm-up, then the measured run, sampling workerd's RSS and the isolate's heap throughout. */
async function measure(
  generator: LoadGenerator,
  worker: LocalWorker,
  heap: IsolateHeap,
  requests: Array<{ method: "GET"; path: string }>,
): Promise<Measured> {
  const pid = worker.workerdPids[0];
  if (pid === undefined) throw new Error("could not find the workerd process to measure");
  const samples: number[] = [];
  const heapSamples: number[] = [];
  const sample = async () => {
    const [rss, used] = await Promise.all([rssMiB(pid), heap.read().catch(() => null)]);
    if (rss !== null) samples.push(rss);
    if (used !== null) heapSamples.push(used.usedBytes / MIB);
    return rss ?? Number.NaN;
  };
  const sampler = setInterval(() => void sample(), SAMPLE_MS);
  const options = { url: worker.url, connections, requests, headers: HEADERS, timeout: 10 };
  try {
    await sample();
    const warm = warmup > 0 ? await fire(generator, { ...options, duration: warmup }) : null;
    const liveFirst = (await heap.live()).usedBytes / MIB;
    const first = await sample();
    const result = await fire(generator, { ...options, duration });
    const last = await sample();
    const liveLast = (await heap.live()).usedBytes / MIB;
    return { warm, result, samples, first, last, heapSamples, liveFirst, liveLast };
  } finally {
    clearInterval(sampler);
  }
}

const MIB = 1024 * 1024;

/** A request that answers from the Worker's cache, to give its isolate a turn. */
async function wake(url: string): Promise<void> {
  await (await fetch(`${url}/`, { headers: HEADERS })).arrayBuffer();
}

function report(name: string, m: Measured): void {
  const { result } = m;
  const codes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]));
  console.log(`\n${name}`);
  if (m.warm)
    console.log(`  warm-up: ${warmup} s, ${m.warm.requests.total} requests, ${m.warm.errors} errors, ${m.warm.timeouts} timeouts`);
  console.log(`  requests: ${result.requests.total} in ${duration} s, ${result.requests.average} req/s average`);
  console.log(`  latency: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
  // What each answer weighs on the wire (headers and body): a heavier page costs throughput on its own.
  console.log(
    `  bytes per response (headers and body, as sent): ${(result.throughput.total / Math.max(1, result.requests.total) / 1024).toFixed(2)} KiB`,
  );
  console.log(`  status codes: ${JSON.stringify(codes)}; errors: ${result.errors}, timeouts: ${result.timeouts}`);
  console.log(
    `  workerd RSS (MiB) every ${SAMPLE_MS / 1000} s from the start of the warm-up: ${m.samples.map((r) => r.toFixed(0)).join(" ")}`,
  );
  console.log(
    `  workerd RSS over the measured run: ${m.first.toFixed(1)} -> ${m.last.toFixed(1)} MiB (${(m.last - m.first).toFixed(1)} MiB)`,
  );
  console.log(`  isolate heap in use (MiB) every ${SAMPLE_MS / 1000} s: ${m.heapSamples.map((h) => h.toFixed(1)).join(" ")}`);
  console.log(
    `  isolate live heap after a full collection: ${m.liveFirst.toFixed(2)} MiB after the warm-up -> ${m.liveLast.toFixed(2)} MiB after the measured run (${(m.liveLast - m.liveFirst).toFixed(2)} MiB)`,
  );
}

async function main(): Promise<number> {
  const generator = checker<LoadGenerator>("autocannon");
  let blog: Measured;
  let requests: Array<{ method: "GET"; path: string }>;
  const inspectorPort = Number(values.port) + 100;
  // The load asks for pages, not media, and the baseline has no static assets: both run without
  // Miniflare's asset router, a hop of its own on every request (Cloudflare routes assets in its front line).
  const worker = await serveSite({ content: values.content, port: Number(values.port), inspectorPort, assets: false });
  for (const line of worker.published) console.log(line);
  let heap: IsolateHeap | null = null;
  try {
    heap = await connectIsolateHeap(inspectorPort, "blog", () => wake(worker.url));
    requests = values.paths
      ? values.paths.split(",").map((path) => ({ method: "GET" as const, path }))
      : requestMix(await worker.contents());
    console.log(
      `Load: ${connections} connections, ${warmup} s warm-up + ${duration} s measured, ${requests.length} distinct URLs, 127.0.0.1`,
    );
    blog = await measure(generator, worker, heap, requests);
  } finally {
    heap?.close();
    await worker.close();
  }
  const baselineWorker = await startWorker({
    code: { source: BASELINE_SCRIPT },
    name: "baseline",
    port: Number(values.port) + 1,
    inspectorPort: inspectorPort + 1,
  });
  let baseline: Measured;
  let baselineHeap: IsolateHeap | null = null;
  try {
    baselineHeap = await connectIsolateHeap(inspectorPort + 1, "baseline", () => wake(baselineWorker.url));
    baseline = await measure(generator, baselineWorker, baselineHeap, requests);
  } finally {
    baselineHeap?.close();
    await baselineWorker.close();
  }
  report(`blog Worker (${values.content})`, blog);
  report("baseline Worker (fixed 8 KB page, same runtime and load)", baseline);
  const growth = blog.last - blog.first;
  const baseGrowth = Math.max(0, baseline.last - baseline.first);
  console.log(`\nthroughput ratio blog/baseline: ${(blog.result.requests.average / baseline.result.requests.average).toFixed(3)}`);
  console.log(`memory growth blog vs baseline: ${growth.toFixed(1)} MiB vs ${baseGrowth.toFixed(1)} MiB`);
  const perRequest = (mib: number, r: autocannon.Result) => ((mib * 1024) / Math.max(1, r.requests.total)).toFixed(2);
  console.log(
    `memory growth per request served: blog ${perRequest(growth, blog.result)} KiB, baseline ${perRequest(baseGrowth, baseline.result)} KiB`,
  );

  for (const [kind, count] of errorKinds) console.log(`request errors ${kind}: ${count}`);
  const failures: string[] = [];
  const codes = Object.keys(blog.result.statusCodeStats ?? {});
  const bad = codes.filter((code) => !/^[23]\d\d$|^404$/.test(code));
  for (const [phase, r] of [
    ["warm-up", blog.warm],
    ["measured run", blog.result],
  ] as const) {
    if (r && (r.errors > 0 || r.timeouts > 0)) failures.push(`${phase}: ${r.errors} errors, ${r.timeouts} timeouts`);
  }
  if (bad.length > 0) failures.push(`unexpected status codes ${bad.join(", ")}`);
  if (blog.result.requests.total === 0) failures.push("no requests completed");
  // A leak in the Worker shows as growth beyond what the runtime itself does under the same load.
  const liveGrowth = blog.liveLast - blog.liveFirst;
  if (!(liveGrowth <= MAX_LIVE_HEAP_GROWTH_MIB)) {
    failures.push(
      `the isolate's live heap grew ${liveGrowth.toFixed(2)} MiB over the measured run (at most ${MAX_LIVE_HEAP_GROWTH_MIB} MiB)`,
    );
  }
  if (!(growth <= baseGrowth * MAX_GROWTH + SLACK_MIB)) {
    failures.push(
      `memory grew ${growth.toFixed(1)} MiB, more than the baseline's ${baseGrowth.toFixed(1)} MiB x${MAX_GROWTH} + ${SLACK_MIB} MiB`,
    );
  }
  for (const f of failures) console.error(`FAIL: ${f}`);
  return failures.length === 0 ? 0 : 1;
}

runMain(main);
