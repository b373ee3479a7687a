/** Runs the CLI's `main` with fake deps: captured output, an in-memory KV, a fixed clock. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { CliDeps } from "../../../src/cli/deps.ts";
import { main } from "../../../src/cli/main.ts";
import { MemoryKv } from "./memory-kv.ts";

export interface CliRun {
  code: number;
  stdout: string[];
  stderr: string[];
}

export async function runCli(argv: string[], options: { cwd: string; kv?: MemoryKv; now?: Date }): Promise<CliRun & { kv: MemoryKv }> {
  const kv = options.kv ?? new MemoryKv();
  const stdout: string[] = [];
  const stderr: string[] = [];
  const deps: CliDeps = {
    cwd: options.cwd,
    env: {},
    stdout: (l) => stdout.push(l),
    stderr: (l) => stderr.push(l),
    now: () => options.now ?? new Date("2026-11-25T12:00:00Z"),
    openKv: async () => ({ port: kv, label: "memory KV", close: async () => {} }),
    remoteAccount: async () => {
      throw new Error("the Cloudflare API must not be reached in this test");
    },
    runWrangler: async () => {
      throw new Error("wrangler must not run in this test");
    },
  };
  const code = await main(argv, deps);
  return { code, stdout, stderr, kv };
}

/** Writes files (path -> text or bytes) into a fresh temporary folder and returns it. */
export function tempFolder(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), "edgepress-test-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}
