/**
 * Runs the Worker as it deploys: bundled by `wrangler deploy --dry-run`, then served by Miniflare
 * (workerd) directly, on a KV store published by the project's own CLI. Used by the checks and
 * benchmarks, which must measure the real bundle and not a dev proxy.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { Miniflare } from "miniflare";
import { withWranglerDefaults } from "../../src/cli/wrangler-env.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const require = createRequire(import.meta.url);

/** The compatibility date the deployed Worker gets, so local runs match it. */
export function compatibilityDate(): string {
  const toml = readFileSync(join(ROOT, "wrangler.toml"), "utf8");
  const date = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)?.[1];
  if (!date) throw new Error("wrangler.toml has no compatibility_date");
  return date;
}

/** Bundles src/index.ts exactly as a deploy would; returns the path of the module. */
export function bundleWorker(outdir = mkdtempSync(join(tmpdir(), "edgepress-bundle-"))): string {
  // wrangler checks that the static assets folder wrangler.toml names exists, even for a dry run.
  mkdirSync(join(ROOT, "dist", "assets"), { recursive: true });
  execFileSync(process.execPath, [require.resolve("wrangler/bin/wrangler.js"), "deploy", "--dry-run", "--outdir", outdir], {
    cwd: ROOT,
    env: withWranglerDefaults(process.env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  return join(outdir, "worker.js");
}

/**
 * Publishes a content folder into a fresh local store (wrangler's --persist-to layout, with the media
 * under `assets/` beside KV); returns the store folder.
 */
export function publishInto(
  contentDir: string,
  persistTo = mkdtempSync(join(tmpdir(), "edgepress-kv-")),
): { persistTo: string; output: string } {
  const output = execFileSync(
    process.execPath,
    [
      require.resolve("tsx/cli"),
      join(ROOT, "src/cli/index.ts"),
      "publish",
      "--content",
      contentDir,
      "--persist-to",
      persistTo,
      "--assets",
      join(persistTo, "assets"),
    ],
    { cwd: ROOT, env: withWranglerDefaults(process.env), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 },
  );
  return { persistTo, output };
}

export interface LocalWorker {
  url: string;
  mf: Miniflare;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  dispose(): Promise<void>;
}

/** Serves a bundle over HTTP on 127.0.0.1 (port 0 picks a free one) with the given local store. */
export async function startWorker(options: { scriptPath: string; persistTo: string; port?: number }): Promise<LocalWorker> {
  const mf = new Miniflare({
    modules: true,
    scriptPath: options.scriptPath,
    modulesRoot: dirname(options.scriptPath),
    compatibilityDate: compatibilityDate(),
    kvNamespaces: { BLOG: "edgepress-local" },
    kvPersist: join(options.persistTo, "v3", "kv"),
    // The media files publishInto put beside the store, served as static assets ahead of the Worker.
    assets: { directory: join(options.persistTo, "assets"), routerConfig: { has_user_worker: true } },
    cachePersist: false,
    host: "127.0.0.1",
    port: options.port ?? 0,
  });
  const url = (await mf.ready).toString().replace(/\/$/, "");
  return {
    url,
    mf,
    fetch: (path, init) => fetch(url + path, { redirect: "manual", ...init }),
    dispose: () => mf.dispose(),
  };
}
