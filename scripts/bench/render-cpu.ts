/**
 * CPU time the Worker spends rendering one post page with nothing cached: the built-in Liquid theme's
 * layouts around the body HTML the publisher rendered, with the engine the Worker keeps per isolate (the ETag hash is measured with the response, in the load runs).
 * Runs in Node, on the same V8 engine workerd uses.
 */

import { readBuiltInFiles } from "../../src/cli/built-in-files.ts";
import { loadContent } from "../../src/cli/load-content.ts";
import { compileSite } from "../../src/compile/compile-site.ts";
import type { PostModel } from "../../src/model/page-models.ts";
import { postPageInput } from "../../src/theme/built-in-page.ts";
import { builtInTheme } from "../../src/theme/built-in-theme.ts";
import { renderThemed, themeRenderer } from "../../src/theme/render-page.ts";
import { readyTheme } from "../../src/theme/theme-data.ts";

export interface RenderCost {
  path: string;
  sourceBytes: number;
  htmlBytes: number;
  /** The very first render in a fresh process (nothing compiled yet). */
  firstMs: number;
  /** CPU time (user + system) of repeated renders, divided by their number: the steady cost of a miss. */
  meanCpuMs: number;
  /** Wall-clock percentiles of single renders (synchronous, so close to their CPU time). */
  medianMs: number;
  p99Ms: number;
}

export async function largestPostRenderCost(corpusDir: string, rounds = 300): Promise<RenderCost> {
  const reading = compileSite(await loadContent(corpusDir));
  if (reading.build === null) throw new Error(`${corpusDir} does not build`);
  let largest: { path: string; model: PostModel } | null = null;
  for (const [path, page] of reading.build.pages) {
    if (page.model.kind !== "post") continue;
    if (largest === null || page.model.html.length > largest.model.html.length) largest = { path, model: page.model };
  }
  if (largest === null) throw new Error(`${corpusDir} has no posts`);
  const { path, model } = largest;
  const ctx = { site: reading.build.site, origin: "https://blog.example", path };
  const ready = readyTheme(builtInTheme(await readBuiltInFiles()), ctx.site.timezone);
  const renderer = themeRenderer(ready, ctx.origin, ctx.site.timezone);

  const once = (): { ms: number; bytes: number } => {
    const start = performance.now();
    const drawn = renderThemed(ready, { ...postPageInput(ctx, model), origin: ctx.origin, timezone: ctx.site.timezone }, renderer);
    if ("problem" in drawn) throw new Error(drawn.problem.reason);
    return { ms: performance.now() - start, bytes: new TextEncoder().encode(drawn.html).byteLength };
  };
  return timeRenders(path, reading.build.entries.find((p) => p.permalink === path)?.body ?? "", once, rounds);
}

/** Draws a page once (the first, cold figure), then `rounds` times, timing them as one batch of CPU. */
export function timeRenders(path: string, source: string, once: () => { ms: number; bytes: number }, rounds: number): RenderCost {
  const first = once();
  const times: number[] = [];
  // getrusage counts CPU in scheduler ticks on some kernels: time many renders together.
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < rounds; i++) times.push(once().ms);
  const cpu = process.cpuUsage(cpuStart);
  times.sort((a, b) => a - b);
  return {
    path,
    sourceBytes: new TextEncoder().encode(source).byteLength,
    htmlBytes: first.bytes,
    firstMs: first.ms,
    meanCpuMs: (cpu.user + cpu.system) / 1000 / rounds,
    medianMs: times[Math.floor(times.length / 2)] ?? Number.NaN,
    p99Ms: times[Math.floor(times.length * 0.99)] ?? Number.NaN,
  };
}
