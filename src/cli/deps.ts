/** Everything the CLI does to the outside world, passed in so tests can substitute any of it. */
import type { KvPort } from "../store/kv-port.ts";
import type { CloudflareApi } from "./kv/cloudflare-api.ts";

/** Cloudflare's API signed in as the user (their token or wrangler's login), and the account it acts on. */
export interface RemoteAccount {
  api: CloudflareApi;
  accountId: string;
}

export interface OpenedKv {
  port: KvPort;
  /** Where the data goes, for messages: "local KV (...)". */
  label: string;
  close(): Promise<void>;
}

export interface KvTarget {
  remote: boolean;
  /** wrangler.toml of the Worker whose KV binding is used. */
  configPath: string;
  /** Local only: the state folder (wrangler's `--persist-to`); null for wrangler's default. */
  persistTo: string | null;
}

export interface CliDeps {
  /** The folder the paths on the command line are relative to (npm's INIT_CWD under `npm run`). */
  cwd: string;
  /** The project folder, whose `content/` and `wrangler.toml` are the defaults; `cwd` when left out. */
  project?: string;
  env: Record<string, string | undefined>;
  stdout(line: string): void;
  stderr(line: string): void;
  now(): Date;
  openKv(target: KvTarget): Promise<OpenedKv>;
  /** The Cloudflare API as the user (CLOUDFLARE_API_TOKEN or wrangler's login) and the account it acts on. */
  remoteAccount(configPath: string): Promise<RemoteAccount>;
  /**
   * Runs the project's wrangler with these arguments (offline-safe environment, plus `env`); resolves
   * to its exit code.
   */
  runWrangler(args: readonly string[], env?: Record<string, string>): Promise<number>;
}
