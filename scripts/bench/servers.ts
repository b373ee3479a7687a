/**
 * Runs bundled Workers on workerd through Miniflare directly (no `wrangler dev` proxy in front),
 * and publishes a content folder into a Worker's KV with the project's own publish code.
 */
import { dirname } from "node:path";
import { Miniflare } from "miniflare";
import { readSite } from "../../src/build/read-site.ts";
import { loadContent } from "../../src/cli/load-content.ts";
import { formatProblem } from "../../src/content/problem.ts";
import { bindingPort, type KvBinding } from "../../src/store/binding-port.ts";
import { publishBuild } from "../../src/store/publish.ts";

export interface Server {
  url: string;
  /** From constructing Miniflare to the first answered request: workerd start plus Worker start-up. */
  startMs: number;
  mf: Miniflare;
  close(): Promise<void>;
}

export interface ServeOptions {
  script: string;
  port: number;
  compatibilityDate: string;
  /** KV persist folder: given for the blog, left out for the hello Worker. */
  kvPersist?: string;
}

export async function serve(options: ServeOptions): Promise<Server> {
  const started = performance.now();
  const mf = new Miniflare({
    host: "127.0.0.1",
    port: options.port,
    modules: true,
    scriptPath: options.script,
    // Module names are relative to this root; the bundle lives outside the project.
    modulesRoot: dirname(options.script),
    compatibilityDate: options.compatibilityDate,
    ...(options.kvPersist === undefined ? {} : { kvNamespaces: { BLOG: "edgepress-local" }, kvPersist: options.kvPersist }),
  });
  let url: string;
  try {
    url = (await mf.ready).toString().replace(/\/$/, "");
    await (await fetch(`${url}/`)).arrayBuffer();
  } catch (error) {
    await mf.dispose();
    throw error;
  }
  return { url, startMs: performance.now() - started, mf, close: () => mf.dispose() };
}

export interface Published {
  posts: number;
  routes: number;
  pointerBytes: number;
}

/** Reads, checks and publishes a content folder into the server's BLOG namespace. */
export async function publishInto(server: Server, contentDir: string): Promise<Published> {
  const reading = readSite(await loadContent(contentDir));
  if (reading.build === null) throw new Error(`${contentDir} has problems:\n${reading.problems.map(formatProblem).join("\n")}`);
  const kv = (await server.mf.getKVNamespace("BLOG")) as unknown as KvBinding;
  const result = await publishBuild(bindingPort(kv), reading.build, { now: new Date(), dryRun: false });
  return { posts: reading.posts, routes: Object.keys(result.release.routes).length, pointerBytes: JSON.stringify(result.release).length };
}
