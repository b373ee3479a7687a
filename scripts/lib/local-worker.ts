/**
 * The one launcher for local Workers: workerd through Miniflare directly, on 127.0.0.1, never behind
 * `wrangler dev`, whose logging proxy would be measured and checked too. It runs the deploy bundle
 * (bundle.ts) over a local store the real CLI published (publish.ts), or a small module given inline.
 */
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Miniflare, type WorkerOptions } from "miniflare";
import type { Answer, Release } from "../../src/model/release.ts";
import { CURRENT_KEY, valueKey } from "../../src/store/keys.ts";
import { parseRelease } from "../../src/store/release-codec.ts";
import { releaseContents } from "../../src/store/release-contents.ts";
import { projectConfig } from "./project.ts";
import { workerdPids } from "./workerd-processes.ts";

export interface StartOptions {
  /** What runs: a bundled module (`bundleWorker().path`), or module source given inline. */
  code: { path: string } | { source: string };
  /** The Worker's name; workerd's inspector lists its isolate as "core:user:<name>". */
  name?: string;
  /** Port on 127.0.0.1; 0, the default, takes a free one. */
  port?: number;
  /** A local store (`wrangler dev --persist-to` layout) bound as BLOG. Left out: the Worker has no KV. */
  persistTo?: string;
  /** Opens workerd's inspector (the DevTools protocol) here, to read the isolate's heap. */
  inspectorPort?: number;
  /**
   * Serve the store's media (DIR/assets) as static assets ahead of the Worker; default true. Miniflare
   * puts its asset router in front of the Worker for that, a hop of its own on every request, so a
   * benchmark that compares the Worker with another Worker and serves no media leaves it out.
   */
  assets?: boolean;
}

export interface LocalWorker {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** The workerd processes started for this Worker: for memory readings and pinning to a CPU. */
  workerdPids: number[];
  /** From constructing Miniflare until it was ready: workerd started and the Worker's module loaded. */
  readyMs: number;
  /** A request to the Worker; redirects are returned, not followed. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** The live release in the Worker's store. */
  release(): Promise<Release>;
  /** Every key the live release answers, with its answers over time (read back from its buckets). */
  contents(): Promise<Map<string, Answer[]>>;
  close(): Promise<void>;
}

/**
 * Launches run one at a time: a Worker's workerd is the one that appears while it starts, which only
 * holds when no other start overlaps it.
 */
let launching: Promise<unknown> = Promise.resolve();

export function startWorker(options: StartOptions): Promise<LocalWorker> {
  const started = launching.then(() => launch(options));
  launching = started.catch(() => {});
  return started;
}

async function assetsOf(persistTo: string) {
  const directory = join(persistTo, "assets");
  await mkdir(directory, { recursive: true });
  return { directory, routerConfig: { has_user_worker: true } };
}

async function launch(options: StartOptions): Promise<LocalWorker> {
  const { compatibilityDate, namespaceId } = await projectConfig();
  const code: WorkerOptions =
    "path" in options.code
      ? // Module names are relative to this root; the bundle lives outside the project.
        // The built-in theme's templates are text modules beside it (wrangler.toml's [[rules]]).
        {
          scriptPath: options.code.path,
          modulesRoot: dirname(options.code.path),
          modulesRules: [{ type: "Text" as const, include: ["**/*.html", "**/*.css"] }],
        }
      : { script: options.code.source };
  const store =
    options.persistTo === undefined
      ? {}
      : {
          // --persist-to DIR means what `wrangler dev --persist-to DIR` means: KV under DIR/v3/kv.
          kvNamespaces: { BLOG: namespaceId },
          kvPersist: join(options.persistTo, "v3", "kv"),
          // The media files publishing put beside the store (DIR/assets), served as static assets ahead of the Worker.
          ...(options.assets === false ? {} : { assets: await assetsOf(options.persistTo) }),
        };
  const before = new Set(await workerdPids());
  const begun = performance.now();
  const mf = new Miniflare({
    name: options.name ?? "blog",
    modules: true,
    ...code,
    compatibilityDate,
    ...store,
    host: "127.0.0.1",
    port: options.port ?? 0,
    ...(options.inspectorPort === undefined ? {} : { inspectorPort: options.inspectorPort }),
  });
  let url: string;
  try {
    url = (await mf.ready).toString().replace(/\/$/, "");
  } catch (error) {
    await mf.dispose();
    throw error;
  }
  const readyMs = performance.now() - begun;
  const pids = (await workerdPids()).filter((pid) => !before.has(pid));
  const release = async (): Promise<Release> => {
    if (options.persistTo === undefined) throw new Error(`the Worker at ${url} has no store`);
    const text = await (await mf.getKVNamespace("BLOG")).get(CURRENT_KEY, "text");
    const live = text === null ? null : parseRelease(text);
    if (live === null) throw new Error(`no valid release at ${CURRENT_KEY} in ${options.persistTo}`);
    return live;
  };
  return {
    url,
    workerdPids: pids,
    readyMs,
    fetch: (path, init) => fetch(url + path, { redirect: "manual", ...init }),
    release,
    async contents() {
      const kv = await mf.getKVNamespace("BLOG");
      return releaseContents((hash) => kv.get(valueKey(hash), "text"), await release());
    },
    close: () => mf.dispose(),
  };
}
