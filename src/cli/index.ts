/** Where the command line starts: wires the CLI to the real process, disk, KV and wrangler. */

import type { CliDeps } from "./deps.ts";
import { openKv } from "./kv/open-kv.ts";
import { main } from "./main.ts";
import { runWrangler } from "./run-wrangler.ts";
import { withWranglerDefaults } from "./wrangler-env.ts";

Object.assign(process.env, withWranglerDefaults(process.env));

const deps: CliDeps = {
  cwd: process.cwd(),
  env: process.env,
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
  now: () => new Date(),
  openKv: (target) => openKv(target, process.env),
  runWrangler: (args) => runWrangler(args, process.env, process.cwd()),
};

process.exitCode = await main(process.argv.slice(2), deps);
