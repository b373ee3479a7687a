/** Opens the namespace a command works on: local KV (as `wrangler dev` sees it) or the real one over the API. */
import { dirname } from "node:path";
import type { KvTarget, OpenedKv, RemoteAccount } from "../deps.ts";
import { type WranglerOutput, wranglerOutput } from "../run-wrangler.ts";
import { type ApiOptions, CloudflareApi, DEFAULT_API_BASE_URL } from "./cloudflare-api.ts";
import { findCredentials } from "./credentials.ts";
import { openLocalKv } from "./local-kv.ts";
import { remoteKvPort } from "./remote-kv.ts";
import { LOCAL_NAMESPACE_ID, readWranglerKvConfig } from "./wrangler-config.ts";

/** Test seams for the remote API: a local stand-in server is reached through the base URL in `env`. */
export type RemoteApiOverrides = Pick<ApiOptions, "fetch" | "sleep" | "retryDelayMs" | "attempts"> & {
  /** Runs wrangler for the login's token; by default the project's own wrangler beside wrangler.toml. */
  wrangler?: (args: readonly string[]) => Promise<WranglerOutput>;
};

export type { RemoteAccount } from "../deps.ts";

/** The API, signed in as the user (their token or wrangler's login), and the account it acts on. */
export async function remoteAccount(
  configPath: string,
  env: Record<string, string | undefined>,
  overrides: RemoteApiOverrides = {},
): Promise<RemoteAccount> {
  const { accountId: configAccount } = await readWranglerKvConfig(configPath);
  const { wrangler, ...apiOverrides } = overrides;
  const api = (token: string) =>
    new CloudflareApi({ baseUrl: env.CLOUDFLARE_API_BASE_URL || DEFAULT_API_BASE_URL, token, ...apiOverrides });
  const credentials = await findCredentials({
    env,
    configAccount,
    wrangler: wrangler ?? ((args) => wranglerOutput(args, env, dirname(configPath))),
    api,
  });
  return { api: api(credentials.token), accountId: credentials.accountId };
}

export async function openKv(
  target: KvTarget,
  env: Record<string, string | undefined>,
  overrides: RemoteApiOverrides = {},
): Promise<OpenedKv> {
  if (!target.remote) return openLocalKv(target.configPath, target.persistTo);
  const { namespaceId } = await readWranglerKvConfig(target.configPath);
  if (namespaceId === LOCAL_NAMESPACE_ID) {
    throw new Error(
      `${target.configPath}: the BLOG namespace id is still the local placeholder; run \`npm run deploy\` once, which creates the namespace and writes its id there`,
    );
  }
  const { api, accountId } = await remoteAccount(target.configPath, env, overrides);
  return {
    port: remoteKvPort(api, accountId, namespaceId),
    label: `KV namespace ${namespaceId}`,
    close: async () => {},
  };
}
