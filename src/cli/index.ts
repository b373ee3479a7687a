/** Where the publish command starts: wires the CLI to the real process, disk and KV. */

import type { CliDeps } from "./deps.ts";
import { openLocalKv } from "./kv/local-kv.ts";
import { main } from "./main.ts";
import { withWranglerDefaults } from "./wrangler-env.ts";

Object.assign(process.env, withWranglerDefaults(process.env));

const deps: CliDeps = {
  cwd: process.cwd(),
  env: process.env,
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
  now: () => new Date(),
  async openKv(target) {
    if (target.remote) throw new Error("publishing to a remote namespace is not available yet");
    return openLocalKv(target.configPath, target.persistTo);
  },
};

process.exitCode = await main(process.argv.slice(2), deps);
