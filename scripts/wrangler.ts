/**
 * Runs the project's wrangler with the offline-safe environment (see src/cli/wrangler-env.ts). The
 * static assets folder wrangler.toml names is build output that publishing fills: it is created
 * first, so `npm run dev` works on a fresh clone before anything has been published.
 */
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { optionalWranglerConfig } from "../src/cli/kv/wrangler-config.ts";
import { withWranglerDefaults } from "../src/cli/wrangler-env.ts";

const config = await optionalWranglerConfig(resolve("wrangler.toml"));
if (config?.assetsDir) mkdirSync(config.assetsDir, { recursive: true });
const bin = createRequire(import.meta.url).resolve("wrangler/bin/wrangler.js");
const args = process.argv.slice(2);
// The local server tells the Worker it runs behind wrangler's proxy, so that a client that takes no
// gzip gets plain text (src/http/content-coding.ts, withClientAcceptEncoding). Never set when deployed.
if (args[0] === "dev") args.push("--var", "LOCAL_DEV:wrangler");
const child = spawn(process.execPath, [bin, ...args], {
  stdio: "inherit",
  env: withWranglerDefaults(process.env),
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
