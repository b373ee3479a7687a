/** The CLI's dependencies on the real process: its console, clock, environment, KV and wrangler. */
import type { CliDeps } from "./deps.ts";
import { openKv, remoteAccount } from "./kv/open-kv.ts";
import { runWrangler } from "./run-wrangler.ts";
import { typingFolder } from "./typed-paths.ts";
import { withWranglerDefaults } from "./wrangler-env.ts";

export function processDeps(): CliDeps {
  Object.assign(process.env, withWranglerDefaults(process.env));
  return {
    cwd: typingFolder(process.env, process.cwd()),
    project: process.cwd(),
    env: process.env,
    stdout: (line) => console.log(line),
    stderr: (line) => console.error(line),
    now: () => new Date(),
    openKv: (target) => openKv(target, process.env),
    remoteAccount: (configPath) => remoteAccount(configPath, process.env),
    runWrangler: (args, env = {}) => runWrangler(args, { ...process.env, ...env }, process.cwd()),
  };
}
