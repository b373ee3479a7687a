/** The options every command that touches KV shares: which namespace, from which wrangler.toml. */
import { resolve } from "node:path";
import type { CliDeps, KvTarget } from "./deps.ts";
import { defaultPath } from "./typed-paths.ts";

export const TARGET_OPTIONS = {
  remote: { type: "boolean", default: false },
  local: { type: "boolean", default: false },
  config: { type: "string" },
  "persist-to": { type: "string" },
} as const;

export function targetOf(
  values: { remote: boolean; local: boolean; config?: string | undefined; "persist-to"?: string | undefined },
  deps: CliDeps,
): KvTarget {
  if (values.remote && values.local) throw new Error("--remote and --local cannot be used together");
  return {
    remote: values.remote,
    configPath: resolve(deps.cwd, values.config ?? defaultPath(deps, "wrangler.toml")),
    persistTo: values["persist-to"] === undefined ? null : resolve(deps.cwd, values["persist-to"]),
  };
}
