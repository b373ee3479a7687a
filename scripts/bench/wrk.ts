/**
 * Drives a server with wrk (Debian package `wrk`) and reads its report: requests per second,
 * latency percentiles, and how many answers were not 2xx/3xx (wrk exits 0 even when all fail).
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runProcess } from "../lib/run-process.ts";

export interface LoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx3xx: number;
}

export interface LoadOptions {
  seconds: number;
  connections: number;
  /** Sent with every request. */
  headers?: Record<string, string>;
  /** Run wrk on this CPU only (with taskset), away from the server's. */
  cpu?: number;
  /** Make every request a different URL (`?cold=<unique>`), so no cache can answer it. */
  unique?: { scratchDir: string };
}

export async function load(url: string, options: LoadOptions): Promise<LoadResult> {
  const args = ["-t1", `-c${options.connections}`, `-d${options.seconds}s`, "--latency"];
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push("-H", `${name}: ${value}`);
  if (options.unique) {
    const script = join(options.unique.scratchDir, `unique-${Date.now()}-${Math.random().toString(36).slice(2)}.lua`);
    const token = Math.random().toString(36).slice(2);
    const path = new URL(url).pathname;
    await writeFile(
      script,
      `local n = 0\nrequest = function()\n  n = n + 1\n  return wrk.format(nil, "${path}?cold=${token}-" .. n)\nend\n`,
    );
    args.push("-s", script);
  }
  const missing = { missing: "the benchmark needs Debian's wrk: apt-get install wrk" };
  const text =
    options.cpu === undefined
      ? await runProcess("wrk", [...args, url], missing)
      : await runProcess("taskset", ["-c", String(options.cpu), "wrk", ...args, url], missing);
  return parseWrk(text);
}

export function parseWrk(text: string): LoadResult {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(text)?.[1]);
  const requests = Number(/(\d+) requests in/.exec(text)?.[1]);
  const non = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(text)?.[1] ?? 0);
  const p50 = duration(/\s50%\s+([\d.]+\w+)/.exec(text)?.[1]);
  const p99 = duration(/\s99%\s+([\d.]+\w+)/.exec(text)?.[1]);
  if (!Number.isFinite(rps) || !Number.isFinite(requests) || p50 === null || p99 === null) {
    throw new Error(`could not read wrk's report:\n${text}`);
  }
  return { rps, p50Ms: p50, p99Ms: p99, requests, non2xx3xx: non };
}

function duration(text: string | undefined): number | null {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text ?? "");
  if (!match) return null;
  const value = Number(match[1]);
  const unit = match[2];
  return unit === "us" ? value / 1000 : unit === "ms" ? value : unit === "s" ? value * 1000 : value * 60_000;
}
