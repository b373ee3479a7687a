/** Opens the namespace a command works on: local KV (as `wrangler dev` sees it) or the real one over the API. */
import type { KvTarget, OpenedKv } from "../deps.ts";
import { type ApiOptions, CloudflareApi, DEFAULT_API_BASE_URL } from "./cloudflare-api.ts";
import { openLocalKv } from "./local-kv.ts";
import { remoteKvPort } from "./remote-kv.ts";
import { readWranglerKvConfig } from "./wrangler-config.ts";

/** Test seams for the remote API: a local stand-in server is reached through the base URL in `env`. */
export type RemoteApiOverrides = Pick<ApiOptions, "fetch" | "sleep" | "retryDelayMs" | "attempts">;

export async function openKv(
  target: KvTarget,
  env: Record<string, string | undefined>,
  overrides: RemoteApiOverrides = {},
): Promise<OpenedKv> {
  if (!target.remote) return openLocalKv(target.configPath, target.persistTo);
  const { namespaceId, accountId: configAccount } = await readWranglerKvConfig(target.configPath);
  const token = env.CLOUDFLARE_API_TOKEN;
  const accountId = env.CLOUDFLARE_ACCOUNT_ID || configAccount;
  const missing = [token ? null : "CLOUDFLARE_API_TOKEN", accountId ? null : "CLOUDFLARE_ACCOUNT_ID"].filter((m) => m !== null);
  if (!token || !accountId) {
    throw new Error(
      `${missing.join(" and ")} must be set to reach the real KV namespace (see README, "Publishing, deploying and backups")`,
    );
  }
  if (namespaceId === "edgepress-local") {
    throw new Error(
      `${target.configPath}: the BLOG namespace id is still the local placeholder; create the namespace and put its id there`,
    );
  }
  const api = new CloudflareApi({ baseUrl: env.CLOUDFLARE_API_BASE_URL || DEFAULT_API_BASE_URL, token, ...overrides });
  return {
    port: remoteKvPort(api, accountId, namespaceId),
    label: `KV namespace ${namespaceId}`,
    close: async () => {},
  };
}
