/** The project the scripts work on: its root folder and what they read from its wrangler.toml. */
import { join, resolve } from "node:path";
import { readCompatibilityDate, readWranglerKvConfig } from "../../src/cli/kv/wrangler-config.ts";
import { typingFolder } from "../../src/cli/typed-paths.ts";

export const ROOT = resolve(import.meta.dirname, "../..");
export const WRANGLER_TOML = join(ROOT, "wrangler.toml");

/**
 * A path the user typed on a script's command line, made absolute from the folder they typed it in
 * (npm runs scripts in ROOT and passes that folder as INIT_CWD; see src/cli/typed-paths.ts).
 */
export function typedPath(path: string): string {
  return resolve(typingFolder(process.env, process.cwd()), path);
}

export interface ProjectConfig {
  /** The deployed Worker's compatibility date: every local workerd runs with it. */
  compatibilityDate: string;
  /** The id of the namespace bound as BLOG: local stores are kept under it, as `wrangler dev` keeps them. */
  namespaceId: string;
}

let config: Promise<ProjectConfig> | null = null;

export function projectConfig(): Promise<ProjectConfig> {
  config ??= Promise.all([readCompatibilityDate(WRANGLER_TOML), readWranglerKvConfig(WRANGLER_TOML)]).then(
    ([compatibilityDate, { namespaceId }]) => ({ compatibilityDate, namespaceId }),
  );
  return config;
}
