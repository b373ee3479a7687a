/** What the publisher needs from wrangler.toml: the KV namespace bound as BLOG, and the account if set there. */
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parse } from "smol-toml";

export const BINDING = "BLOG";

export interface WranglerKvConfig {
  namespaceId: string;
  accountId: string | null;
  /** The static assets folder (`[assets] directory`), absolute; media files are published there. */
  assetsDir: string | null;
  /** `[vars] budget`: the most KV writes one publish may spend, when set. */
  budget: number | null;
}

export async function readWranglerKvConfig(configPath: string): Promise<WranglerKvConfig> {
  let text: string;
  try {
    text = await readFile(configPath, "utf8");
  } catch {
    throw new Error(`${configPath}: cannot read the wrangler configuration`);
  }
  let config: Record<string, unknown>;
  try {
    config = parse(text);
  } catch (error) {
    const line = (error as { line?: number }).line ?? 1;
    throw new Error(`${configPath}:${line}: not valid TOML (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
  }
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
