/** Prints the benchmark's figures as Markdown, every throughput as a ratio to the hello Worker. */
import type { Bundle } from "../lib/bundle.ts";
import type { CpuPerRequest } from "./in-process.ts";
import type { RenderCost } from "./render-cpu.ts";
import type { BenchRoute } from "./routes.ts";
import type { WarmCpu } from "./themed.ts";
import type { LoadResult } from "./wrk.ts";

/** One round of a route: the hello Worker, then the two sites, back to back. */
export interface Round {
  hello: LoadResult;
  small: LoadResult;
  large: LoadResult;
}

export interface RouteRun {
  route: BenchRoute;
  /** Why the route was not measured, or null. */
  why: string | null;
  rounds: Round[];
}

/** What a published site's release holds. */
export interface Published {
  routes: number;
  /** Bytes of the release record every request reads first. */
  pointerBytes: number;
}

export interface SiteInfo {
  posts: number;
  published: Published;
  cpu: CpuPerRequest[];
}

/** The corpus drawn with its own theme, against the same site with the built-in theme. */
export interface ThemedReport {
  /** Uncached render of its largest post with its theme. */
  render: RenderCost;
  cpu: WarmCpu;
  /** Warm requests for that post: hello, own theme, built-in theme, back to back. */
  rounds: Array<{ hello: LoadResult; themed: LoadResult; builtIn: LoadResult }>;
}

export interface Report {
  machine: string;
  blog: Bundle;
  hello: Bundle;
  evalMs: { blog: number; hello: number };
  startMs: { blog: number; hello: number };
  render: RenderCost | null;
  themed: ThemedReport | null;
  small: SiteInfo;
  large: SiteInfo;
  routes: RouteRun[];
  seconds: number;
  rounds: number;
  connections: number;
  headers: Record<string, string>;
  /** CPUs wrk and the workerd processes were held to, or null when not pinned. */
  pinning: { wrk: number; server: number } | null;
}

/** What a route's rounds say: medians, so one disturbed run moves nothing. */
export interface RouteSummary {
  /** Median req/s of each Worker. */
  rps: { hello: number; small: number; large: number };
  p50Ms: { small: number; large: number };
  p99Ms: { small: number; large: number };
  /** Median over rounds of each round's own ratio. */
  smallVsHello: number;
  largeVsHello: number;
  largeVsSmall: number;
  /** The per-round ratios behind the medians, in run order. */
  perRound: { smallVsHello: number[]; largeVsHello: number[]; largeVsSmall: number[] };
}

export function summarise(rounds: readonly Round[]): RouteSummary {
  if (rounds.length === 0) throw new Error("no rounds to summarise");
  const pick = (f: (r: Round) => number) => median(rounds.map(f));
  const perRound = {
    smallVsHello: rounds.map((r) => r.small.rps / r.hello.rps),
    largeVsHello: rounds.map((r) => r.large.rps / r.hello.rps),
    largeVsSmall: rounds.map((r) => r.large.rps / r.small.rps),
  };
  return {
    rps: { hello: pick((r) => r.hello.rps), small: pick((r) => r.small.rps), large: pick((r) => r.large.rps) },
    p50Ms: { small: pick((r) => r.small.p50Ms), large: pick((r) => r.large.p50Ms) },
    p99Ms: { small: pick((r) => r.small.p99Ms), large: pick((r) => r.large.p99Ms) },
    smallVsHello: median(perRound.smallVsHello),
    largeVsHello: median(perRound.largeVsHello),
    largeVsSmall: median(perRound.largeVsSmall),
    perRound,
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const BUNDLE_TARGET_GZIP = 100 * 1024;
const RENDER_TARGET_MS = 2;
const WARM_TARGET = 0.8;
/** A site's own theme serves warm pages at the built-in theme's rate, give or take the runs' spread. */
const THEMED_WARM_TARGET = 0.9;
const SCALE_TARGET = 0.9;

export function printReport(r: Report): void {
  const out: string[] = [];
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  out.push(`Machine: ${r.machine}`);
  const sent = Object.entries(r.headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join(", ");
  out.push(
    `Load: wrk -t1 -c${r.connections} on 127.0.0.1, ${r.rounds} rounds of ${r.seconds} s per Worker and route (hello, 10 posts, large site back to back; a 1 s warm-up of each before the first), sending ${sent}`,
  );
  out.push(
    r.pinning === null
      ? "CPUs: not pinned (one CPU)"
      : `CPUs: wrk on CPU ${r.pinning.wrk}, every workerd on CPU ${r.pinning.server} (taskset)`,
  );
  out.push("", "| Bundle | raw | gzip | wrangler |", "|---|---|---|---|");
  out.push(`| blog | ${kib(r.blog.rawBytes)} | ${kib(r.blog.gzipBytes)} | ${r.blog.wranglerSays} |`);
  out.push(`| hello | ${kib(r.hello.rawBytes)} | ${kib(r.hello.gzipBytes)} | ${r.hello.wranglerSays} |`);
  out.push("", "| Start-up | blog | hello | ratio |", "|---|---|---|---|");
  out.push(
    `| module evaluation (V8, Node) | ${ms(r.evalMs.blog)} | ${ms(r.evalMs.hello)} | ${(r.evalMs.blog / r.evalMs.hello).toFixed(2)} |`,
  );
  out.push(
    `| workerd launch to first answer (Miniflare) | ${ms(r.startMs.blog)} | ${ms(r.startMs.hello)} | ${(r.startMs.blog / r.startMs.hello).toFixed(2)} |`,
  );
  if (r.render) {
    const x = r.render;
    out.push("", `Uncached render of the largest corpus post (${x.path}, ${kib(x.sourceBytes)} source, ${kib(x.htmlBytes)} HTML):`);
    out.push(`mean CPU ${ms(x.meanCpuMs)}, median ${ms(x.medianMs)}, p99 ${ms(x.p99Ms)}, first render in a fresh process ${ms(x.firstMs)}`);
  }

  if (r.themed) {
    const t = r.themed;
    const x = t.render;
    out.push("", `Uncached render of the largest corpus post with the site's own theme (${x.path}, ${kib(x.htmlBytes)} HTML):`);
    out.push(`mean CPU ${ms(x.meanCpuMs)}, median ${ms(x.medianMs)}, p99 ${ms(x.p99Ms)}, first render in a fresh process ${ms(x.firstMs)}`);
    if (r.render) out.push(`own theme ÷ built-in theme, mean CPU: ${(x.meanCpuMs / r.render.meanCpuMs).toFixed(2)}`);
    out.push(
      "",
      "| warm post, own theme vs built-in theme | own theme | built-in theme | own ÷ built-in (rate) | each round |",
      "|---|---|---|---|---|",
      `| CPU per request (in process) | ${t.cpu.themedUs.toFixed(0)} µs | ${t.cpu.builtInUs.toFixed(0)} µs | ${(t.cpu.builtInUs / t.cpu.themedUs).toFixed(2)} | |`,
    );
    if (t.rounds.length > 0) {
      const each = t.rounds.map((round) => round.themed.rps / round.builtIn.rps);
      const rps = (f: (round: ThemedReport["rounds"][number]) => number) => median(t.rounds.map(f)).toFixed(0);
      out.push(
        `| req/s on workerd (median; hello ${rps((round) => round.hello.rps)}) | ${rps((round) => round.themed.rps)} | ${rps((round) => round.builtIn.rps)} | ${median(each).toFixed(2)} | ${each.map((e) => e.toFixed(2)).join(" · ")} |`,
      );
    }
  }

  const summaries = r.routes.map((run) => ({ run, summary: run.rounds.length > 0 ? summarise(run.rounds) : null }));
  const two = (x: number) => x.toFixed(2);
  const list = (xs: number[]) => xs.map(two).join(" · ");
  for (const [site, info] of [
    ["small", r.small],
    ["large", r.large],
  ] as const) {
    out.push("", `Site of ${info.posts} posts (${info.published.routes} routes, release pointer ${kib(info.published.pointerBytes)})`);
    out.push(
      "",
      "| route | path | req/s | × hello (median) | × hello, each round | p50 | p99 | hello req/s |",
      "|---|---|---|---|---|---|---|---|",
    );
    for (const { run, summary } of summaries) {
      if (summary === null) {
        out.push(`| ${run.route.name} | ${run.route.path} | ${run.why} | | | | | |`);
        continue;
      }
      const ratio = site === "small" ? summary.smallVsHello : summary.largeVsHello;
      const each = site === "small" ? summary.perRound.smallVsHello : summary.perRound.largeVsHello;
      out.push(
        `| ${run.route.name} | ${run.route.path} | ${summary.rps[site].toFixed(0)} | ${two(ratio)} | ${list(each)} | ${ms(summary.p50Ms[site])} | ${ms(summary.p99Ms[site])} | ${summary.rps.hello.toFixed(0)} |`,
      );
    }
  }

  out.push("", "CPU per request inside the Worker code (in process, V8, no network; hello = the Hono hello app):");
  const infos = [r.small, r.large];
  out.push(
    "",
    `| route | ${infos.map((info) => `${info.posts} posts µs | × hello`).join(" | ")} |`,
    `|---|${infos.map(() => "---|---|").join("")}`,
  );
  for (const [i, first] of r.small.cpu.entries()) {
    const cells = infos.map((info) => {
      const c = info.cpu[i];
      return c?.blogUs == null ? "not yet served | " : `${c.blogUs.toFixed(0)} | ${(c.helloUs / c.blogUs).toFixed(2)}`;
    });
    out.push(`| ${first.route} | ${cells.join(" | ")} |`);
  }

  const checks: string[] = [];
  out.push("", `| route | ${r.large.posts} posts ÷ ${r.small.posts} posts (req/s, median of rounds) | each round |`, "|---|---|---|");
  for (const { run, summary } of summaries) {
    if (summary === null) {
      out.push(`| ${run.route.name} | ${run.why} | |`);
      continue;
    }
    out.push(`| ${run.route.name} | ${two(summary.largeVsSmall)} | ${list(summary.perRound.largeVsSmall)} |`);
    checks.push(verdict(`${run.route.name}: ${r.large.posts} vs ${r.small.posts} posts`, summary.largeVsSmall, SCALE_TARGET));
  }
  for (const [label, key] of [
    [`${r.small.posts} posts`, "smallVsHello"],
    [`${r.large.posts} posts`, "largeVsHello"],
  ] as const) {
    for (const { run, summary } of summaries) {
      if (summary === null || run.route.cold || run.route.expect !== 200) continue;
      checks.push(verdict(`${run.route.name} (${label}) vs hello`, summary[key], WARM_TARGET));
    }
  }
  checks.push(
    `${r.blog.gzipBytes <= BUNDLE_TARGET_GZIP ? "met " : "MISSED"} bundle ${kib(r.blog.gzipBytes)} gzip (target ≤ ${kib(BUNDLE_TARGET_GZIP)})`,
  );
  if (r.render) {
    checks.push(
      `${r.render.meanCpuMs < RENDER_TARGET_MS ? "met " : "MISSED"} uncached render ${ms(r.render.meanCpuMs)} CPU (target < ${RENDER_TARGET_MS} ms)`,
    );
  }
  if (r.themed) {
    const t = r.themed;
    checks.push(
      `${t.render.meanCpuMs < RENDER_TARGET_MS ? "met " : "MISSED"} uncached render with the site's own theme ${ms(t.render.meanCpuMs)} CPU (target < ${RENDER_TARGET_MS} ms)`,
    );
    checks.push(
      verdict("warm post, own theme vs built-in theme, CPU per request (in process)", t.cpu.builtInUs / t.cpu.themedUs, THEMED_WARM_TARGET),
    );
    if (t.rounds.length > 0) {
      const each = t.rounds.map((round) => round.themed.rps / round.builtIn.rps);
      checks.push(verdict("warm post, own theme vs built-in theme, req/s on workerd", median(each), THEMED_WARM_TARGET));
    }
  }
  out.push("", "Targets:", ...checks.map((c) => `- ${c}`));
  process.stdout.write(`${out.join("\n")}\n`);
}

function verdict(label: string, ratio: number, target: number): string {
  return `${ratio >= target ? "met " : "MISSED"} ${label}: ${ratio.toFixed(2)} (target ≥ ${target})`;
}

function ms(value: number): string {
  return `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
}
