/** Runs the CLI's main() with real files and chosen KV, capturing what it prints. */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { CliDeps } from "../../../src/cli/deps.ts";
import { openKv, type RemoteApiOverrides, remoteAccount } from "../../../src/cli/kv/open-kv.ts";
import { main } from "../../../src/cli/main.ts";

export interface Run {
  code: number;
  out: string;
  err: string;
}

export async function tempDir(prefix = "edgepress-"): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function writeFiles(root: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

export const WRANGLER_TOML = `name = "blog-test"\nmain = "src/worker.ts"\ncompatibility_date = "2026-04-20"\n\n[[kv_namespaces]]\nbinding = "BLOG"\nid = "ns-test-0001"\n`;

export function realDeps(
  cwd: string,
  env: Record<string, string | undefined>,
  overrides: Partial<CliDeps> & { api?: RemoteApiOverrides } = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  const { api, ...rest } = overrides;
  const deps: CliDeps = {
    cwd,
    env,
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    now: () => new Date("2026-11-25T12:00:00Z"),
    openKv: (target) => openKv(target, env, { retryDelayMs: 1, ...api }),
    remoteAccount: (configPath) => remoteAccount(configPath, env, { retryDelayMs: 1, ...api }),
    runWrangler: async () => {
      throw new Error("wrangler must not run in this test");
    },
    ...rest,
  };
  return {
    deps,
    run: async (...argv: string[]): Promise<Run> => {
      out.length = 0;
      err.length = 0;
      const code = await main(argv, deps);
      return { code, out: out.join("\n"), err: err.join("\n") };
    },
  };
}

export const post = (title: string, date: string, body = "Text.", extra = "") =>
  `---\ntitle: ${title}\ndate: ${date}\n${extra}---\n${body}\n`;
