/** Runs the project's own wrangler as a child process, with the offline-safe environment. */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { withWranglerDefaults } from "./wrangler-env.ts";

export function runWrangler(args: readonly string[], env: Record<string, string | undefined>, cwd: string): Promise<number> {
  const bin = createRequire(import.meta.url).resolve("wrangler/bin/wrangler.js");
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: "inherit", env: withWranglerDefaults(env), cwd });
    child.on("error", fail);
    child.on("exit", (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}
