/** Runs a program to completion and hands back what it printed; a failure carries that output. */
import { spawn } from "node:child_process";
import { withWranglerDefaults } from "../../src/cli/wrangler-env.ts";
import { ROOT } from "./project.ts";

export interface RunOptions {
  cwd?: string;
  /** Said when the program cannot be started at all, e.g. how to install it. */
  missing?: string;
}

/**
 * stdout and stderr together, in the order they came. Runs in the project root with the offline-safe
 * wrangler environment (see src/cli/wrangler-env.ts), which every program started here may need.
 */
export function runProcess(command: string, args: readonly string[], options: RunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      env: withWranglerDefaults(process.env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const collect = (chunk: Buffer) => {
      out += chunk;
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", (error) =>
      reject(new Error(`could not run ${command}${options.missing ? ` (${options.missing})` : ""}: ${error.message}`)),
    );
    child.on("exit", (code, signal) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(" ")} exited with ${code ?? signal}:\n${out.trimEnd()}`)),
    );
  });
}

/** Runs a Node program (a package's CLI script, the project's CLI) with this Node. */
export function runNode(args: readonly string[], options: RunOptions = {}): Promise<string> {
  return runProcess(process.execPath, args, options);
}
