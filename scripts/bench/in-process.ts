/**
 * The Worker's own CPU per request, without the network or the runtime around it: the app and the
 * hello app run in this process (same V8 as workerd) against the published data held in memory.
 * Steadier than load runs on a busy machine, and it shows what the code itself costs.
 */
import { Hono } from "hono";
import { loadContent } from "../../src/cli/load-content.ts";
import { compileSite } from "../../src/compile/compile-site.ts";
import type { KvPort } from "../../src/store/kv-port.ts";
import { publishBuild } from "../../src/store/publish.ts";
import type { BenchRoute } from "./routes.ts";

export interface CpuPerRequest {
  route: string;
  /** Microseconds of CPU per request, or null when the route is not served. */
  blogUs: number | null;
  helloUs: number;
}

type Handler = (path: string) => Promise<Response>;

export async function cpuPerRequest(contentDir: string, routes: readonly BenchRoute[], rounds = 2_000): Promise<CpuPerRequest[]> {
  const reading = compileSite(await loadContent(contentDir));
  if (reading.build === null) throw new Error(`${contentDir} does not build`);
  const data = new Map<string, string>();
  const port: KvPort = {
    get: async (key) => data.get(key) ?? null,
    putMany: async (entries) => {
      for (const e of entries) data.set(e.key, e.value);
    },
    deleteMany: async (keys) => {
      for (const key of keys) data.delete(key);
    },
    list: async (prefix) => [...data.keys()].filter((key) => key.startsWith(prefix)),
  };
  // The one publish that does not go through the CLI (scripts/lib/publish.ts): the app runs in this
  // process, so the release must be in this process's memory, with no KV round trip measured.
  await publishBuild(port, reading.build, { now: new Date(), dryRun: false });
  // Only `get` is used on a request.
  const kv = { get: async (key: string) => data.get(key) ?? null };
  const app = (await loadWorkerApp()).createApp({ cache: { shared: null } });
  const blog: Handler = (path) => Promise.resolve(app.request(`http://blog.example${path}`, {}, { BLOG: kv }));
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

interface WorkerAppModule {
  createApp(options: { cache: { shared: null } }): {
    request(url: string, init: RequestInit, env: unknown): Response | Promise<Response>;
  };
}

/**
 * The app is typed for workerd and these scripts for Node; a computed specifier keeps the compiler
 * from checking the Worker's sources against Node's types (they are checked in their own project).
 */
async function loadWorkerApp(): Promise<WorkerAppModule> {
  const specifier = ["..", "..", "src", "routes", "router.ts"].join("/");
  return (await import(specifier)) as WorkerAppModule;
}

const CHUNKS = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function measure(handler: Handler, path: () => string, rounds: number): Promise<number> {
  for (let i = 0; i < 50; i++) await (await handler(path())).arrayBuffer();
  const start = process.cpuUsage();
  for (let i = 0; i < rounds; i++) await (await handler(path())).arrayBuffer();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / rounds;
}
