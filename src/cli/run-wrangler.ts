/** Runs the project's own wrangler as a child process, with the offline-safe environment. */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { withWranglerDefaults } from "./wrangler-env.ts";

function wranglerBin(): string {
  return createRequire(import.meta.url).resolve("wrangler/bin/wrangler.js");
}

export function runWrangler(args: readonly string[], env: Record<string, string | undefined>, cwd: string): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [wranglerBin(), ...args], { stdio: "inherit", env: withWranglerDefaults(env), cwd });
    child.on("error", fail);
    child.on("exit", (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

export interface WranglerOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs wrangler and captures what it prints, for the commands whose answer we read (`auth token --json`). */
export function wranglerOutput(args: readonly string[], env: Record<string, string | undefined>, cwd: string): Promise<WranglerOutput> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [wranglerBin(), ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: withWranglerDefaults(env),
      cwd,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", fail);
    child.on("close", (code, signal) =>
      done({ code: code ?? (signal ? 1 : 0), stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }),
    );
  });
}
