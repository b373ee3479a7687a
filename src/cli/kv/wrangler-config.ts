/** What the publisher needs from wrangler.toml: the KV namespace bound as BLOG, and the account if set there. */
import { readFile } from "node:fs/promises";
import { parse } from "smol-toml";

export const BINDING = "BLOG";

export interface WranglerKvConfig {
  namespaceId: string;
  accountId: string | null;
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
  return { namespaceId: blog.id, accountId: typeof config.account_id === "string" ? config.account_id : null };
}
