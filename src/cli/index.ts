/** Where the command line starts: wires the CLI to the real process, disk, KV and wrangler. */
import { main } from "./main.ts";
import { processDeps } from "./process-deps.ts";

process.exitCode = await main(process.argv.slice(2), processDeps());
