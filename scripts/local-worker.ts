/**
 * The bundled Worker served by Miniflare on 127.0.0.1, over a local KV folder: what the CSP check and
 * the load run talk to. Miniflare directly, not `wrangler dev`, whose logging proxy would be measured too.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Miniflare, type MiniflareOptions } from "miniflare";
import { withWranglerDefaults } from "../src/cli/wrangler-env.ts";
import type { Answer, Release } from "../src/model/release.ts";
import { CURRENT_KEY, valueKey } from "../src/store/keys.ts";
import { parseRelease } from "../src/store/release-codec.ts";
import { releaseContents } from "../src/store/release-contents.ts";

const ROOT = resolve(import.meta.dirname, "..");
const require = createRequire(import.meta.url);

export interface LocalWorker {
  url: string;
  /** Process id of the workerd serving the Worker, for memory readings. */
  workerdPid: number | null;
  /** The live release in the Worker's KV. */
  release(): Promise<Release>;
  /** Every key the live release answers, with its answers over time (read back from its buckets). */
  contents(): Promise<Map<string, Answer[]>>;
  close(): Promise<void>;
}

/** Runs a Node script to completion, inheriting output; rejects on a non-zero exit. */
export function run(args: string[], label: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: ["ignore", "inherit", "inherit"],
      env: withWranglerDefaults(process.env),
    });
    child.on("error", fail);
    child.on("exit", (code) => (code === 0 ? done() : fail(new Error(`${label} exited with ${code}`))));
  });
}

/** Publishes a content folder into a fresh local KV folder with the real CLI; returns the folder. */
export async function publishTo(content: string): Promise<string> {
  const persist = await mkdtemp(join(tmpdir(), "edgepress-kv-"));
  const tsx = require.resolve("tsx/cli");
  await run(
    [tsx, "src/cli/index.ts", "publish", "--content", content, "--persist-to", persist, "--assets", join(persist, "assets")],
    "publish",
  );
  return persist;
}

/**
 * A Worker that answers every request with a fixed page and touches nothing: the runtime's own memory
 * behaviour under load, measured beside the blog's in the same run.
 */
const BASELINE_SCRIPT = `const page = "<!DOCTYPE html><title>baseline</title>" + "x".repeat(8000);
export default { fetch() { return new Response(page, { headers: { "Content-Type": "text/html" } }); } };`;

/** Options for the local Worker: an inspector port lets a script read the isolate's heap. */
export interface StartOptions {
  inspectorPort?: number;
}

export async function startBaseline(port: number, options: StartOptions = {}): Promise<LocalWorker> {
  const { mf, url, workerdPid } = await launch(
    { name: "baseline", modules: true, script: BASELINE_SCRIPT, compatibilityDate: "2026-04-20" },
    port,
    options,
  );
  return {
    url,
    workerdPid,
    release: () => Promise.reject(new Error("the baseline Worker has no release")),
    contents: () => Promise.reject(new Error("the baseline Worker has no release")),
    close: () => mf.dispose(),
  };
}

/** Starts Miniflare on 127.0.0.1 and finds the workerd process it launched. */
async function launch(
  worker: MiniflareOptions,
  port: number,
  options: StartOptions,
): Promise<{ mf: Miniflare; url: string; workerdPid: number | null }> {
  const before = new Set(await workerdPids());
  const inspector = options.inspectorPort === undefined ? {} : { inspectorPort: options.inspectorPort };
  const mf = new Miniflare({ ...worker, host: "127.0.0.1", port, ...inspector });
  const url = (await mf.ready).toString().replace(/\/$/, "");
  const started = (await workerdPids()).filter((pid) => !before.has(pid));
  return { mf, url, workerdPid: started[0] ?? null };
}

export async function startWorker(persist: string, port: number, options: StartOptions = {}): Promise<LocalWorker> {
  const out = await mkdtemp(join(tmpdir(), "edgepress-bundle-"));
  // wrangler checks that the static assets folder wrangler.toml names exists, even for a dry run.
  await mkdir(join(ROOT, "dist", "assets"), { recursive: true });
  await run([require.resolve("wrangler/bin/wrangler.js"), "deploy", "--dry-run", "--outdir", out], "wrangler bundle");
  const toml = await readFile(join(ROOT, "wrangler.toml"), "utf8");
  const compatibilityDate = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)?.[1] ?? "2026-04-20";
  const { mf, url, workerdPid } = await launch(
    {
      name: "blog",
      modules: true,
      scriptPath: join(out, "worker.js"),
      modulesRoot: out,
      compatibilityDate,
      kvNamespaces: { BLOG: "edgepress-local" },
      // The CLI's --persist-to DIR means what `wrangler dev --persist-to DIR` means: KV under DIR/v3/kv.
      kvPersist: join(persist, "v3", "kv"),
      // Media files publishTo put beside the store, served as static assets ahead of the Worker.
      assets: { directory: join(persist, "assets"), routerConfig: { has_user_worker: true } },
    },
    port,
    options,
  );
  return {
    url,
    workerdPid,
    async release() {
      const text = await (await mf.getKVNamespace("BLOG")).get(CURRENT_KEY, "text");
      const release = text === null ? null : parseRelease(text);
      if (release === null) throw new Error(`no valid release at ${CURRENT_KEY} in ${persist}`);
      return release;
    },
    async contents() {
      const kv = await mf.getKVNamespace("BLOG");
      const text = await kv.get(CURRENT_KEY, "text");
      const release = text === null ? null : parseRelease(text);
      if (release === null) throw new Error(`no valid release at ${CURRENT_KEY} in ${persist}`);
      return releaseContents((hash) => kv.get(valueKey(hash), "text"), release);
    },
    async close() {
      await mf.dispose();
      await rm(out, { recursive: true, force: true });
    },
  };
}

/** workerd processes that are descendants of this one. */
export async function workerdPids(): Promise<number[]> {
  const found: number[] = [];
  const walk = async (pid: number) => {
    for (const task of await readdir(`/proc/${pid}/task`).catch(() => [])) {
      const children = await readFile(`/proc/${pid}/task/${task}/children`, "utf8").catch(() => "");
      for (const child of children.split(" ").filter(Boolean).map(Number)) {
        const comm = (await readFile(`/proc/${child}/comm`, "utf8").catch(() => "")).trim();
        if (comm === "workerd") found.push(child);
        await walk(child);
      }
    }
  };
  await walk(process.pid);
  return found;
}

/** Resident memory of a process in MiB, or null once it is gone. */
export async function rssMiB(pid: number): Promise<number | null> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => null);
  const kb = status ? /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] : undefined;
  return kb === undefined ? null : Number(kb) / 1024;
}
