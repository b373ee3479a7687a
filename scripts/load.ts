/**
 * Load run against the bundled Worker on 127.0.0.1: a fixed number of connections for a fixed time,
 * cycling through every published page, the feed, redirects, `?p=` links and missing pages, while
 * sampling the workerd process's resident memory. Fails on any error, timeout or answer other than
 * 2xx, 3xx or 404, and when memory grows by more than a fifth after warm-up. Stops by itself.
 *
 *   npx tsx scripts/load.ts [--content DIR] [--duration 60] [--connections 64] [--warmup 30] [--port 8882]
 */
import { rm } from "node:fs/promises";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { encodePath } from "../src/content/permalink.ts";
import type { Release } from "../src/model/release.ts";
import { publishTo, rssMiB, startWorker } from "./local-worker.ts";

const { values } = parseArgs({
  options: {
    content: { type: "string", default: "content" },
    duration: { type: "string", default: "60" },
    connections: { type: "string", default: "64" },
    port: { type: "string", default: "8882" },
    warmup: { type: "string", default: "30" },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
/**
 * The same load, unmeasured, first: workerd's heap grows for tens of seconds under a new load before it
 * settles (a static route shows the same), so memory is judged over the measured run after that.
 */
const warmup = Number(values.warmup);
/** Memory after warm-up may grow by this factor at most before the run counts as leaking. */
const MAX_GROWTH = 1.2;
const SAMPLE_MS = 5_000;

// However the run goes, the process ends: the load generator and server never outlive this bound.
setTimeout(
  () => {
    console.error("load run did not finish in time; stopping");
    process.exit(2);
  },
  (warmup + duration + 180) * 1000,
).unref();

function requestMix(release: Release): Array<{ method: "GET"; path: string }> {
  const paths = Object.keys(release.routes).sort().map(encodePath);
  const redirects = Object.keys(release.redirects).slice(0, 10).map(encodePath);
  const slashless = paths
    .filter((p) => p.length > 1 && p.endsWith("/"))
    .slice(0, 10)
    .map((p) => p.slice(0, -1));
  const ids = Object.keys(release.ids)
    .slice(0, 10)
    .map((id) => `/?p=${id}`);
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

async function main(): Promise<number> {
  const persist = await publishTo(values.content);
  const worker = await startWorker(persist, Number(values.port));
  try {
    if (worker.workerdPid === null) throw new Error("could not find the workerd process to measure");
    const pid = worker.workerdPid;
    const requests = requestMix(await worker.release());
    const samples: Array<{ at: number; rss: number }> = [];
    const started = Date.now();
    const sample = async () => {
      const rss = await rssMiB(pid);
      if (rss !== null) samples.push({ at: (Date.now() - started) / 1000, rss });
    };
    const sampler = setInterval(() => void sample(), SAMPLE_MS);
    await sample();
    const warm = warmup > 0 ? await autocannon({ url: worker.url, connections, duration: warmup, requests, timeout: 10 }) : null;
    const measuredFrom = samples.length;
    await sample();
    const result = await autocannon({ url: worker.url, connections, duration, requests, timeout: 10 });
    clearInterval(sampler);
    await sample();

    const codes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]));
    const bad = Object.entries(codes).filter(([code]) => !/^[23]\d\d$|^404$/.test(code));
    const first = samples[measuredFrom];
    const last = samples[samples.length - 1];
    const peak = Math.max(...samples.map((s) => s.rss));
    const growth = first && last ? last.rss / first.rss : Number.NaN;

    if (warm) console.log(`warm-up: ${warmup} s, ${warm.requests.total} requests, ${warm.errors} errors, ${warm.timeouts} timeouts`);
    console.log(`Load: ${connections} connections for ${duration} s against ${worker.url} (${requests.length} distinct URLs)`);
    console.log(`requests: ${result.requests.total} total, ${result.requests.average} req/s average`);
    console.log(`latency: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
    console.log(`status codes: ${JSON.stringify(codes)}`);
    console.log(`errors: ${result.errors}, timeouts: ${result.timeouts}`);
    console.log(
      `workerd RSS (MiB) every ${SAMPLE_MS / 1000} s from the start of the warm-up: ${samples.map((s) => s.rss.toFixed(0)).join(" ")}`,
    );
    console.log(
      `memory: ${first?.rss.toFixed(1)} MiB at the start of the measured run, ${last?.rss.toFixed(1)} MiB at its end (x${growth.toFixed(3)}), peak ${peak.toFixed(1)} MiB`,
    );

    const failures: string[] = [];
    if (warm && (warm.errors > 0 || warm.timeouts > 0)) failures.push(`warm-up: ${warm.errors} errors, ${warm.timeouts} timeouts`);
    if (result.errors > 0 || result.timeouts > 0) failures.push(`${result.errors} errors, ${result.timeouts} timeouts`);
    if (bad.length > 0) failures.push(`unexpected status codes ${JSON.stringify(Object.fromEntries(bad))}`);
    if (!(growth <= MAX_GROWTH)) failures.push(`memory grew x${growth.toFixed(3)} during the measured run (limit x${MAX_GROWTH})`);
    if (result.requests.total === 0) failures.push("no requests completed");
    for (const f of failures) console.error(`FAIL: ${f}`);
    return failures.length === 0 ? 0 : 1;
  } finally {
    await worker.close();
    await rm(persist, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
