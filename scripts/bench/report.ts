/** Prints the benchmark's figures as Markdown, every throughput as a ratio to the hello Worker. */
import type { Bundle } from "./bundle.ts";
import type { CpuPerRequest } from "./in-process.ts";
import type { RenderCost } from "./render-cpu.ts";
import type { BenchRoute } from "./routes.ts";
import type { Published } from "./servers.ts";
import type { LoadResult } from "./wrk.ts";

export interface Measured {
  route: BenchRoute;
  result: LoadResult | null;
  /** The hello Worker, measured right before this route, so both saw the same machine load. */
  hello: LoadResult | null;
  why: string | null;
}

export interface SiteRun {
  posts: number;
  published: Published;
  cpu: CpuPerRequest[];
  measured: Measured[];
}

export interface Report {
  machine: string;
  blog: Bundle;
  hello: Bundle;
  evalMs: { blog: number; hello: number };
  startMs: { blog: number; hello: number };
  render: RenderCost | null;
  runs: SiteRun[];
  seconds: number;
  connections: number;
}

const BUNDLE_TARGET_GZIP = 100 * 1024;
const RENDER_TARGET_MS = 2;
const WARM_TARGET = 0.8;
const SCALE_TARGET = 0.9;

export function printReport(r: Report): void {
  const out: string[] = [];
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  out.push(`Machine: ${r.machine}`);
  out.push(`Load: wrk -t1 -c${r.connections}, ${r.seconds} s per route after a 1 s warm-up, 127.0.0.1`);
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

  const [small, large] = r.runs;
  for (const run of r.runs) {
    out.push("", `Site of ${run.posts} posts (${run.published.routes} routes, release pointer ${kib(run.published.pointerBytes)})`);
    out.push(
      "",
      "| route | path | req/s | × hello | p50 | p99 | hello req/s | hello p50 | hello p99 |",
      "|---|---|---|---|---|---|---|---|---|",
    );
    for (const m of run.measured) {
      if (m.result === null || m.hello === null) out.push(`| ${m.route.name} | ${m.route.path} | ${m.why} | | | | | | |`);
      else {
        const x = m.result;
        const h = m.hello;
        out.push(
          `| ${m.route.name} | ${m.route.path} | ${x.rps.toFixed(0)} | ${ratioOf(m)?.toFixed(2)} | ${ms(x.p50Ms)} | ${ms(x.p99Ms)} | ${h.rps.toFixed(0)} | ${ms(h.p50Ms)} | ${ms(h.p99Ms)} |`,
        );
      }
    }
  }

  out.push("", "CPU per request inside the Worker code (in process, V8, no network; hello = the Hono hello app):");
  out.push(
    "",
    `| route | ${r.runs.map((run) => `${run.posts} posts µs | × hello`).join(" | ")} |`,
    `|---|${r.runs.map(() => "---|---|").join("")}`,
  );
  for (const [i, first] of (r.runs[0]?.cpu ?? []).entries()) {
    const cells = r.runs.map((run) => {
      const c = run.cpu[i];
      return c?.blogUs == null ? "not yet served | " : `${c.blogUs.toFixed(0)} | ${(c.helloUs / c.blogUs).toFixed(2)}`;
    });
    out.push(`| ${first.route} | ${cells.join(" | ")} |`);
  }

  const checks: string[] = [];
  if (small && large) {
    out.push("", `| route | ${large.posts} posts ÷ ${small.posts} posts (req/s, each as a ratio to its own hello run) |`, "|---|---|");
    for (const [i, m] of large.measured.entries()) {
      const s = small.measured[i];
      const big = ratioOf(m);
      const little = s ? ratioOf(s) : null;
      if (big === null || little === null) {
        out.push(`| ${m.route.name} | ${m.why ?? s?.why ?? "not measured"} |`);
        continue;
      }
      const ratio = big / little;
      out.push(`| ${m.route.name} | ${ratio.toFixed(2)} |`);
      checks.push(verdict(`${m.route.name}: ${large.posts} vs ${small.posts} posts`, ratio, SCALE_TARGET));
    }
    for (const run of r.runs) {
      for (const m of run.measured) {
        const ratio = ratioOf(m);
        if (ratio === null || m.route.cold || m.route.expect !== 200) continue;
        checks.push(verdict(`${m.route.name} (${run.posts} posts) vs hello`, ratio, WARM_TARGET));
      }
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
  out.push("", "Targets:", ...checks.map((c) => `- ${c}`));
  process.stdout.write(`${out.join("\n")}\n`);
}

function ratioOf(m: Measured): number | null {
  return m.result && m.hello ? m.result.rps / m.hello.rps : null;
}

function verdict(label: string, ratio: number, target: number): string {
  return `${ratio >= target ? "met " : "MISSED"} ${label}: ${ratio.toFixed(2)} (target ≥ ${target})`;
}

function ms(value: number): string {
  return `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
}
