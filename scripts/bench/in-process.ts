/**
 * The Worker's own CPU per request, without the network or the runtime around it: the app and the
 * hello app run in this process (same V8 as workerd) against the published data held in memory.
 * Steadier than load runs on a busy machine, and it shows what the code itself costs.
 */
import { Hono } from "hono";
import { CountingKv, publishInMemory, workerApp } from "./memory-store.ts";
import { type BenchRoute, BROWSER_HEADERS } from "./routes.ts";

export interface CpuPerRequest {
  route: string;
  /** Microseconds of CPU per request, or null when the route is not served. */
  blogUs: number | null;
  helloUs: number;
}

export type Handler = (path: string) => Promise<Response>;

export async function cpuPerRequest(contentDir: string, routes: readonly BenchRoute[], rounds = 2_000): Promise<CpuPerRequest[]> {
  const { data } = await publishInMemory(contentDir);
  const kv = new CountingKv(data);
  const app = await workerApp();
  const blog: Handler = (path) => Promise.resolve(app.request(`http://blog.example${path}`, { headers: BROWSER_HEADERS }, { BLOG: kv }));
  const helloApp = new Hono().get("/", (c) => c.text("Hello Hono!"));
  const hello: Handler = (path) => Promise.resolve(helloApp.request(`http://hello.example${path}`));

  const out: CpuPerRequest[] = [];
  for (const route of routes) {
    const probe = await blog(route.path);
    const served =
      probe.status === route.expect &&
      (route.differsFrom === undefined || (await probe.text()) !== (await (await blog(route.differsFrom)).text()));
    let n = 0;
    const pathOf = route.cold ? () => `${route.path}?cold=${n++}` : () => route.path;
    // Alternate short runs of both and keep the median of each, so a burst of load from elsewhere
    // on the machine cannot land on one side only.
    const helloRuns: number[] = [];
    const blogRuns: number[] = [];
    for (let i = 0; i < CHUNKS; i++) {
      helloRuns.push(await measure(hello, () => "/", rounds / CHUNKS));
      if (served) blogRuns.push(await measure(blog, pathOf, rounds / CHUNKS));
    }
    out.push({ route: route.name, blogUs: served ? median(blogRuns) : null, helloUs: median(helloRuns) });
  }
  return out;
}

export const CHUNKS = 10;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function measure(handler: Handler, path: () => string, rounds: number): Promise<number> {
  for (let i = 0; i < 50; i++) await (await handler(path())).arrayBuffer();
  const start = process.cpuUsage();
  for (let i = 0; i < rounds; i++) await (await handler(path())).arrayBuffer();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / rounds;
}
