/**
 * Serves a content folder the way it deploys: the Worker bundled by `wrangler deploy --dry-run`, run by
 * Miniflare (workerd) on 127.0.0.1, over a fresh KV store filled by the project's own publish command.
 * The quality checks (feeds, HTML, browser, Lighthouse) look at this, never at a dev proxy.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { Miniflare } from "miniflare";
import { withWranglerDefaults } from "../../src/cli/wrangler-env.ts";

export const ROOT = resolve(import.meta.dirname, "../..");
const require = createRequire(import.meta.url);

export interface ServedSite {
  /** `http://127.0.0.1:PORT` */
  url: string;
  get(path: string): Promise<Response>;
  close(): Promise<void>;
}

export async function serveSite(options: { content: string; port: number }): Promise<ServedSite> {
  const work = mkdtempSync(join(tmpdir(), "edgepress-site-"));
  const env = withWranglerDefaults(process.env);
  const run = (args: string[]) =>
    execFileSync(process.execPath, args, { cwd: ROOT, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20 });
  run([require.resolve("wrangler/bin/wrangler.js"), "deploy", "--dry-run", "--outdir", join(work, "bundle")]);
  const persistTo = join(work, "kv");
  run([
    require.resolve("tsx/cli"),
    join(ROOT, "src/cli/index.ts"),
    "publish",
    "--content",
    resolve(options.content),
    "--persist-to",
    persistTo,
  ]);

  const scriptPath = join(work, "bundle", "index.js");
  const toml = readFileSync(join(ROOT, "wrangler.toml"), "utf8");
  const compatibilityDate = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)?.[1];
  if (!compatibilityDate) throw new Error("wrangler.toml has no compatibility_date");
  const mf = new Miniflare({
    modules: true,
    scriptPath,
    modulesRoot: dirname(scriptPath),
    compatibilityDate,
    kvNamespaces: { BLOG: "edgepress-local" },
    // wrangler's --persist-to layout puts KV under v3/kv; getPlatformProxy's `persist.path` directly under kv.
    kvPersist: existsSync(join(persistTo, "v3", "kv")) ? join(persistTo, "v3", "kv") : join(persistTo, "kv"),
    cachePersist: false,
    host: "127.0.0.1",
    port: options.port,
  });
  const url = (await mf.ready).toString().replace(/\/$/, "");
  return {
    url,
    get: (path) => fetch(url + path, { redirect: "manual" }),
    close: async () => {
      await mf.dispose();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** `--name value` from argv, or the fallback. */
export function option(argv: readonly string[], name: string, fallback: string): string {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 && argv[at + 1] !== undefined ? (argv[at + 1] as string) : fallback;
}
