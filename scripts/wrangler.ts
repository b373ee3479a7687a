/** Runs the project's wrangler with the offline-safe environment (see src/cli/wrangler-env.ts). */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { withWranglerDefaults } from "../src/cli/wrangler-env.ts";

const bin = createRequire(import.meta.url).resolve("wrangler/bin/wrangler.js");
const child = spawn(process.execPath, [bin, ...process.argv.slice(2)], {
  stdio: "inherit",
  env: withWranglerDefaults(process.env),
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
