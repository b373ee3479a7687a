/**
 * A first deploy's KV namespace. The repository's wrangler.toml names the local store
 * (`edgepress-local`); the first `npm run deploy` creates the real namespace (or finds the one an
 * earlier, interrupted deploy created: the same title) and writes its id into wrangler.toml, so
 * nobody copies ids by hand. The title is the one `wrangler kv namespace create BLOG` would give.
 */
import { readFile, writeFile } from "node:fs/promises";
import type { RemoteAccount } from "./open-kv.ts";
import { BINDING, LOCAL_NAMESPACE_ID, readWranglerKvConfig } from "./wrangler-config.ts";

export interface NamespaceChoice {
  id: string;
  title: string;
  /** False when a namespace of that title already existed. */
  created: boolean;
}

/** The title a first deploy gives the namespace: `<worker name>-BLOG`, as wrangler names one. */
export function namespaceTitle(workerName: string | null): string {
  return `${workerName ?? "edgepress"}-${BINDING}`;
}

/** Finds or creates the namespace of this title in the account. */
export async function findOrCreateNamespace({ api, accountId }: RemoteAccount, title: string): Promise<NamespaceChoice> {
  const base = `/accounts/${encodeURIComponent(accountId)}/storage/kv/namespaces`;
  for (let page = 1; ; page++) {
    const envelope = await api.json({ method: "GET", path: `${base}?per_page=100&page=${page}`, what: "list the KV namespaces" });
    const list = (Array.isArray(envelope.result) ? envelope.result : []) as Array<{ id?: unknown; title?: unknown }>;
    const same = list.find((ns) => ns.title === title && typeof ns.id === "string");
    if (same !== undefined) return { id: same.id as string, title, created: false };
    if (list.length < 100) break;
  }
  const created = await api.json({ method: "POST", path: base, body: JSON.stringify({ title }), what: `create the KV namespace ${title}` });
  const id = (created.result as { id?: unknown } | null)?.id;
  if (typeof id !== "string" || id === "") throw new Error(`Cloudflare API created the KV namespace ${title} but gave no id`);
  return { id, title, created: true };
}

/**
 * Replaces the placeholder id in wrangler.toml by `id`, touching nothing else (comments and layout
 * stay), and checks the file now reads as meant.
 */
export async function writeNamespaceId(configPath: string, id: string): Promise<void> {
  const text = await readFile(configPath, "utf8");
  const placeholder = new RegExp(`^(\\s*id\\s*=\\s*)(["'])${LOCAL_NAMESPACE_ID}\\2`, "gm");
  const matches = text.match(placeholder) ?? [];
  const manual = `put id = "${id}" in its [[kv_namespaces]] entry for ${BINDING} yourself`;
  if (matches.length !== 1) throw new Error(`${configPath}: cannot tell which line holds the namespace id; ${manual}`);
  await writeFile(
    configPath,
    text.replace(placeholder, (_, before: string, quote: string) => `${before}${quote}${id}${quote}`),
  );
  if ((await readWranglerKvConfig(configPath)).namespaceId !== id) {
    await writeFile(configPath, text);
    throw new Error(`${configPath}: the id line found is not the ${BINDING} namespace's; ${manual}`);
  }
}
