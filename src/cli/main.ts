/** The `edgepress` command line: parses arguments, runs one command, returns its exit code. */
import { parseArgs } from "node:util";
import type { CliDeps } from "./deps.ts";
import { publishCommand } from "./publish-command.ts";

const USAGE = `Usage:
  publish [--content DIR] [--dry-run] [--remote] [--config wrangler.toml] [--persist-to DIR]
      Check every file in DIR (default: content) and publish the site to KV (local unless --remote).`;

export async function main(argv: readonly string[], deps: CliDeps): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === "publish") {
      const { values } = parseArgs({
        args: rest,
        options: {
          content: { type: "string", default: "content" },
          "dry-run": { type: "boolean", default: false },
          remote: { type: "boolean", default: false },
          local: { type: "boolean", default: false },
          config: { type: "string", default: "wrangler.toml" },
          "persist-to": { type: "string" },
        },
        strict: true,
        allowPositionals: false,
      });
      return await publishCommand(
        {
          content: values.content,
          dryRun: values["dry-run"],
          remote: values.remote,
          config: values.config,
          persistTo: values["persist-to"] ?? null,
        },
        deps,
      );
    }
    deps.stderr(command === undefined || command === "help" || command === "--help" ? USAGE : `Unknown command "${command}".\n${USAGE}`);
    return command === "help" || command === "--help" ? 0 : 2;
  } catch (error) {
    deps.stderr(`Error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
