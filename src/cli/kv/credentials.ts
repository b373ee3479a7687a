/**
 * Who the remote commands act as, found the way wrangler finds it, so `npx wrangler login` is all
 * the setup there is: CLOUDFLARE_API_TOKEN when set (CI), else the login wrangler saved, which
 * wrangler itself hands over (`wrangler auth token`, refreshing it when it has expired); the account
 * from CLOUDFLARE_ACCOUNT_ID, else wrangler.toml's `account_id`, else the one account the token
 * reaches (as `wrangler deploy` picks it).
 */
import type { WranglerOutput } from "../run-wrangler.ts";
import type { CloudflareApi } from "./cloudflare-api.ts";

export interface Credentials {
  token: string;
  accountId: string;
}

export interface CredentialSources {
  env: Record<string, string | undefined>;
  /** `account_id` in wrangler.toml, when set. */
  configAccount: string | null;
  /** Runs wrangler and captures its output (only asked when no token is in the environment). */
  wrangler(args: readonly string[]): Promise<WranglerOutput>;
  api(token: string): CloudflareApi;
}

const NOT_LOGGED_IN = "Not logged in to Cloudflare: run `npx wrangler login` once (in CI, set CLOUDFLARE_API_TOKEN; see docs/deploy.md)";

/** One look-up per process and environment: `deploy` creates the namespace, uploads and publishes with the same answer. */
const found = new WeakMap<object, Map<string, Promise<Credentials>>>();

export function findCredentials(sources: CredentialSources): Promise<Credentials> {
  let byConfig = found.get(sources.env);
  if (byConfig === undefined) {
    byConfig = new Map();
    found.set(sources.env, byConfig);
  }
  const key = sources.configAccount ?? "";
  let credentials = byConfig.get(key);
  if (credentials === undefined) {
    credentials = lookUp(sources);
    byConfig.set(key, credentials);
    credentials.catch(() => byConfig.delete(key));
  }
  return credentials;
}

async function lookUp(sources: CredentialSources): Promise<Credentials> {
  const token = sources.env.CLOUDFLARE_API_TOKEN || (await wranglerToken(sources));
  const accountId = sources.env.CLOUDFLARE_ACCOUNT_ID || sources.configAccount || (await onlyAccount(sources.api(token)));
  return { token, accountId };
}

/** The token of wrangler's own login, from `wrangler auth token --json` ({"type": "oauth", "token": "..."}). */
async function wranglerToken(sources: CredentialSources): Promise<string> {
  const result = await sources.wrangler(["auth", "token", "--json"]);
  if (result.code !== 0) throw new Error(NOT_LOGGED_IN);
  const json = result.stdout.slice(result.stdout.indexOf("{"));
  let answer: { type?: unknown; token?: unknown };
  try {
    answer = JSON.parse(json) as typeof answer;
  } catch {
    throw new Error(`\`wrangler auth token --json\` answered something other than JSON: ${result.stdout.trim().slice(0, 200)}`);
  }
  if (answer.type === "api_key") {
    throw new Error("CLOUDFLARE_API_KEY and CLOUDFLARE_EMAIL are not enough here: set CLOUDFLARE_API_TOKEN, or run `npx wrangler login`");
  }
  if (typeof answer.token !== "string" || answer.token === "") throw new Error(NOT_LOGGED_IN);
  return answer.token;
}

/** The account the token reaches, when it reaches exactly one; otherwise the user names it. */
async function onlyAccount(api: CloudflareApi): Promise<string> {
  const envelope = await api.json({ method: "GET", path: "/accounts?per_page=50", what: "list the accounts this login reaches" });
  const accounts = (Array.isArray(envelope.result) ? envelope.result : []) as Array<{ id?: unknown; name?: unknown }>;
  const usable = accounts.filter((a): a is { id: string; name?: unknown } => typeof a.id === "string");
  const [only, ...more] = usable;
  if (only !== undefined && more.length === 0) return only.id;
  if (only === undefined) throw new Error("This Cloudflare login reaches no account: check `npx wrangler whoami`");
  const names = usable.map((a) => `${String(a.name ?? "?")} (${a.id})`).join(", ");
  throw new Error(
    `This Cloudflare login reaches ${usable.length} accounts: put the one to use as account_id in wrangler.toml, or set CLOUDFLARE_ACCOUNT_ID. They are: ${names}`,
  );
}
