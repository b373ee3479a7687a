/**
 * A content folder published into this process's memory, with the publisher's own code, and the
 * Worker's app over it: for benchmarks that measure the Worker's code without the runtime around it
 * (CPU per request, KV reads per page view). The one publish that does not go through the CLI
 * (scripts/lib/publish.ts): the app runs here, so the release must be here too.
 */
import { loadContent } from "../../src/cli/load-content.ts";
import { compileSite } from "../../src/compile/compile-site.ts";
import type { Answer } from "../../src/model/release.ts";
import { CURRENT_KEY, valueKey } from "../../src/store/keys.ts";
import type { KvPort } from "../../src/store/kv-port.ts";
import { publishBuild } from "../../src/store/publish.ts";
import { parseRelease } from "../../src/store/release-codec.ts";
import { releaseContents } from "../../src/store/release-contents.ts";

export interface MemoryStore {
  /** Every stored key and its text. */
  data: Map<string, string>;
  /** Every address that answers with a page (not only a redirect or "gone"), as the release lists them. */
  pages: string[];
}

export async function publishInMemory(contentDir: string): Promise<MemoryStore> {
  const compiled = compileSite(await loadContent(contentDir));
  if (compiled.build === null) throw new Error(`${contentDir} does not build: ${JSON.stringify(compiled.problems.slice(0, 3))}`);
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
  await publishBuild(port, compiled.build, { now: new Date(), dryRun: false });
  const release = parseRelease(data.get(CURRENT_KEY) ?? "");
  if (release === null) throw new Error("the in-memory publish left no release");
  const contents = await releaseContents(async (hash) => data.get(valueKey(hash)) ?? null, release);
  const pages = [...contents.entries()].filter(([key, answers]) => key.startsWith("/") && answers.some(isPage)).map(([key]) => key);
  return { data, pages: pages.sort() };
}

function isPage([, kind]: Answer): boolean {
  return kind !== "redirect" && kind !== "gone";
}

/** The KV binding as the Worker reads it (the pointer as text, buckets as bytes), counting every read. */
export class CountingKv {
  reads = 0;
  bytes = 0;
  readonly #encoder = new TextEncoder();
  constructor(private readonly data: ReadonlyMap<string, string>) {}

  async get(key: string, type: "text" | "arrayBuffer" = "text"): Promise<string | ArrayBuffer | null> {
    this.reads++;
    const value = this.data.get(key);
    if (value === undefined) return null;
    const bytes = this.#encoder.encode(value);
    this.bytes += bytes.byteLength;
    return type === "arrayBuffer" ? bytes.buffer : value;
  }
}

export interface WorkerApp {
  request(url: string, init: RequestInit, env: unknown): Response | Promise<Response>;
}

interface WorkerAppModule {
  createApp(options: { cache: { shared: null }; now?: () => number }): WorkerApp;
}

/**
 * The Worker's app, without the data centre's cache (Node has no Cache API): every figure measured
 * through it is what the Worker does when that cache misses too. The app is typed for workerd and
 * these scripts for Node; a computed specifier keeps the compiler from checking the Worker's sources
 * against Node's types (they are checked in their own project).
 */
export async function workerApp(now?: () => number): Promise<WorkerApp> {
  const specifier = ["..", "..", "src", "routes", "router.ts"].join("/");
  const module = (await import(specifier)) as WorkerAppModule;
  return module.createApp({ cache: { shared: null }, ...(now === undefined ? {} : { now }) });
}
