/**
 * The local KV store `wrangler dev` serves from (`.wrangler/state`), opened through wrangler's own
 * platform proxy so the publisher and the dev server always agree on where data lives.
 */
import { join } from "node:path";
import { getPlatformProxy } from "wrangler";
import { bindingPort, type KvBinding } from "../../store/binding-port.ts";
import type { OpenedKv } from "../deps.ts";

export async function openLocalKv(configPath: string, persistTo: string | null): Promise<OpenedKv> {
  const proxy = await getPlatformProxy<{ BLOG: KvBinding }>({
    configPath,
    // Same meaning as `wrangler dev --persist-to DIR`, which keeps its state in DIR/v3.
    persist: persistTo === null ? true : { path: join(persistTo, "v3") },
    remoteBindings: false,
  });
  const kv = proxy.env.BLOG;
  if (!kv) {
    await proxy.dispose();
    throw new Error(`${configPath} has no KV namespace bound as BLOG`);
  }
  return {
    port: bindingPort(kv),
    label: `local KV (${persistTo ?? ".wrangler/state"})`,
    close: () => proxy.dispose(),
  };
}
