/**
 * What the publisher and the local tools need from wrangler.toml: the KV namespace bound as BLOG, the
 * account if set there, and the compatibility date the deployed Worker runs with.
 */
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parse } from "smol-toml";

export const BINDING = "BLOG";
/** The id the repository's wrangler.toml ships with: it names the local store; a first deploy replaces it. */
export const LOCAL_NAMESPACE_ID = "edgepress-local";

export interface WranglerKvConfig {
  /** The Worker's `name`. */
  name: string | null;
  namespaceId: string;
  accountId: string | null;
  /** The static assets folder (`[assets] directory`), absolute; media files are published there. */
  assetsDir: string | null;
  /** `[vars] budget`: the most KV writes one publish may spend, when set. */
  budget: number | null;
}

export async function readWranglerKvConfig(configPath: string): Promise<WranglerKvConfig> {
  const config = await readWranglerToml(configPath);
  const namespaces = Array.isArray(config.kv_namespaces) ? (config.kv_namespaces as Array<Record<string, unknown>>) : [];
  const blog = namespaces.find((ns) => ns.binding === BINDING);
  if (!blog || typeof blog.id !== "string" || blog.id === "") {
    throw new Error(`${configPath}: no [[kv_namespaces]] entry with binding = "${BINDING}" and an id`);
  }
  const assets = config.assets as { directory?: unknown } | undefined;
  const vars = config.vars as { budget?: unknown } | undefined;
  const budget = vars?.budget === undefined ? null : Number(vars.budget);
  if (budget !== null && !(Number.isInteger(budget) && budget > 0)) {
    throw new Error(`${configPath}: [vars] budget must be a whole number of KV writes, such as 1000`);
  }
  return {
    name: typeof config.name === "string" ? config.name : null,
    namespaceId: blog.id,
    accountId: typeof config.account_id === "string" ? config.account_id : null,
    assetsDir: typeof assets?.directory === "string" ? resolve(dirname(configPath), assets.directory) : null,
    budget,
  };
}

/** The configuration when the file exists (null when it does not); a file that exists but is broken is an error. */
export async function optionalWranglerConfig(configPath: string): Promise<WranglerKvConfig | null> {
  try {
    await readFile(configPath);
  } catch {
    return null;
  }
  return readWranglerKvConfig(configPath);
}

/**
 * `compatibility_date`, which decides the runtime behaviour a deployed Worker gets; every local
 * workerd (the local KV store, the checks, the benchmarks) runs with the same one. Wrangler takes it
 * as a quoted "YYYY-MM-DD" string.
 */
export async function readCompatibilityDate(configPath: string): Promise<string> {
  const date = (await readWranglerToml(configPath)).compatibility_date;
  if (typeof date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new Error(`${configPath}: compatibility_date must be set as a quoted "YYYY-MM-DD" date`);
  }
  return date;
}

async function readWranglerToml(configPath: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(configPath, "utf8");
  } catch {
    throw new Error(`${configPath}: cannot read the wrangler configuration`);
  }
  try {
    return parse(text);
  } catch (error) {
    const line = (error as { line?: number }).line ?? 1;
    throw new Error(`${configPath}:${line}: not valid TOML (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
  }
}
