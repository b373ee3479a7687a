/**
 * Runs bundled Workers on workerd through Miniflare directly (no `wrangler dev` proxy in front),
 * and publishes a content folder into a Worker's KV with the project's own publish code.
 */
import { dirname } from "node:path";
import { Miniflare } from "miniflare";
import { loadContent } from "../../src/cli/load-content.ts";
import { compileSite } from "../../src/compile/compile-site.ts";
import { formatProblem } from "../../src/content/problem.ts";
import { publishBuild } from "../../src/store/publish.ts";
import { workerdPids } from "../local-worker.ts";
import { LOADER_SCRIPT, loaderPort } from "./kv-loader.ts";

/** The blog's KV namespace id (wrangler.toml's, though only the name matters locally). */
const NAMESPACE = "edgepress-local";

export interface Server {
  url: string;
  /** From constructing Miniflare to the first answered request: workerd start plus Worker start-up. */
  startMs: number;
  mf: Miniflare;
  /** The workerd processes Miniflare started for this server. */
  pids: number[];
  close(): Promise<void>;
}

export interface ServeOptions {
  script: string;
  port: number;
  compatibilityDate: string;
  /** KV persist folder: given for the blog, left out for the hello Worker. */
  kvPersist?: string;
  /** Runs the bulk loader Worker beside the blog, for `publishInto`. */
  loader?: boolean;
}

export async function serve(options: ServeOptions): Promise<Server> {
  const before = new Set(await workerdPids());
  const started = performance.now();
  const worker = {
    name: "worker",
    modules: true,
    scriptPath: options.script,
    // Module names are relative to this root; the bundle lives outside the project.
    modulesRoot: dirname(options.script),
    compatibilityDate: options.compatibilityDate,
  };
  const kv = { kvNamespaces: { BLOG: NAMESPACE } };
  const mf = new Miniflare(
    options.kvPersist === undefined
      ? { host: "127.0.0.1", port: options.port, ...worker }
      : {
          host: "127.0.0.1",
          port: options.port,
          kvPersist: options.kvPersist,
          workers: [
            { ...worker, ...kv },
            ...(options.loader
              ? [{ name: "kv-loader", modules: true, script: LOADER_SCRIPT, compatibilityDate: options.compatibilityDate, ...kv }]
              : []),
          ],
        },
  );
  let url: string;
  try {
    url = (await mf.ready).toString().replace(/\/$/, "");
    await (await fetch(`${url}/`)).arrayBuffer();
  } catch (error) {
    await mf.dispose();
    throw error;
  }
  const startMs = performance.now() - started;
  const pids = (await workerdPids()).filter((pid) => !before.has(pid));
  return { url, startMs, mf, pids, close: () => mf.dispose() };
}

export interface Published {
  posts: number;
  routes: number;
  pointerBytes: number;
}

/** Reads, checks and publishes a content folder into the server's BLOG namespace. */
export async function publishInto(server: Server, contentDir: string): Promise<Published> {
  const reading = compileSite(await loadContent(contentDir));
  if (reading.build === null) throw new Error(`${contentDir} has problems:\n${reading.problems.map(formatProblem).join("\n")}`);
  const loader = await server.mf.getWorker("kv-loader");
  const result = await publishBuild(loaderPort(loader), reading.build, { now: new Date(), dryRun: false });
  // The isolate holds "nothing published yet" from the start-up request for a few seconds.
  for (let waited = 0; ; waited += 250) {
    const res = await fetch(`${server.url}/`);
    await res.arrayBuffer();
    if (res.status !== 503) break;
    if (waited > 30_000) throw new Error("the Worker still answers 503 30 s after publishing");
    await new Promise((done) => setTimeout(done, 250));
  }
  const routes = [...result.prepared.keys].filter(([key, k]) => key.startsWith("/") && k.page).length;
  return { posts: reading.posts, routes, pointerBytes: JSON.stringify(result.release).length };
}
