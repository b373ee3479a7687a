/**
 * Publishing to the real account, tested offline: the CLI talks to a local stand-in for Cloudflare's
 * API (CLOUDFLARE_API_BASE_URL) and we check the requests it makes.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CloudflareApi } from "../../../src/cli/kv/cloudflare-api.ts";
import { bulkBatches, remoteKvPort } from "../../../src/cli/kv/remote-kv.ts";
import { CURRENT_KEY, HISTORY_KEY, VALUE_PREFIX } from "../../../src/store/keys.ts";
import { FakeCloudflare } from "../helpers/fake-cloudflare.ts";
import { post, realDeps, tempDir, WRANGLER_TOML, writeFiles } from "../helpers/real-cli.ts";

const api = new FakeCloudflare(8851);
const NS = "ns-test-0001";
let dir = "";
let env: Record<string, string | undefined> = {};

beforeAll(() => api.start());
afterAll(() => api.stop());

beforeEach(async () => {
  api.kv.clear();
  api.requests.length = 0;
  api.faults.length = 0;
  dir = await tempDir();
  await writeFiles(dir, {
    "wrangler.toml": WRANGLER_TOML,
    "content/_config.yml": "title: Remote\nauthor: Ana\n",
    "content/posts/2024-01-01-one.md": post("One", "2024-01-01"),
    "content/posts/2024-02-01-two.md": post("Two", "2024-02-01"),
  });
  env = { CLOUDFLARE_API_TOKEN: "token-123", CLOUDFLARE_ACCOUNT_ID: "acct-9", CLOUDFLARE_API_BASE_URL: api.baseUrl };
});

describe("publish --remote", () => {
  it("writes through the bulk API with the token, pointer last, and then only what changed", async () => {
    const { run } = realDeps(dir, env);
    const first = await run("publish", "--remote");
    expect(first.err).toBe("");
    expect(first.code).toBe(0);
    expect(first.out).toContain(
      `Plan for KV namespace ${NS}: 20 added, 0 changed, 0 removed, 0 unchanged paths; 3 KV writes (1 new values, `,
    );

    const bulk = api.kvRequests("bulk");
    expect(bulk.length).toBeGreaterThanOrEqual(3);
    for (const r of api.requests) {
      expect(r.authorization).toBe("Bearer token-123");
      expect(r.path).toMatch(new RegExp(`^/client/v4/accounts/acct-9/storage/kv/namespaces/${NS}/`));
    }
    const keysInOrder = bulk.flatMap((r) => (JSON.parse(r.body) as Array<{ key: string }>).map((e) => e.key));
    // Values, then the pointer, then the history.
    expect(keysInOrder.slice(-2)).toEqual([CURRENT_KEY, HISTORY_KEY]);
    expect(keysInOrder.indexOf(CURRENT_KEY)).toBeGreaterThan(keysInOrder.findLastIndex((k) => k.startsWith(VALUE_PREFIX)));
    expect(api.namespace(NS).get(CURRENT_KEY)).toContain('"title":"Remote"');

    await writeFile(join(dir, "content/posts/2024-01-01-one.md"), post("One, edited", "2024-01-01"));
    api.requests.length = 0;
    const second = await run("publish", "--remote");
    expect(second.code).toBe(0);
    expect(second.out).toContain("~ /2024/01/one/");
    expect(second.out).toContain("0 added");
    const written = api.kvRequests("bulk").flatMap((r) => JSON.parse(r.body) as unknown[]);
    // The bucket holding the edited post and everything listing it, the pointer, the history.
    expect(written.length).toBe(3);
  });

  it("retries 429 and 5xx answers, honouring Retry-After", async () => {
    api.faults.push({ status: 429, retryAfter: "0" }, { status: 503 }, { status: 500 });
    const { run } = realDeps(dir, env);
    const result = await run("publish", "--remote");
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    expect(api.namespace(NS).has(CURRENT_KEY)).toBe(true);
  });

  it("stops with an error naming the failed request, and the pointer untouched", async () => {
    const { run } = realDeps(dir, env);
    await run("publish", "--remote");
    const before = api.namespace(NS).get(CURRENT_KEY);
    await writeFile(join(dir, "content/posts/2024-03-01-three.md"), post("Three", "2024-03-01"));
    // Every attempt at the first request (reading the live pointer) fails: nothing may be written.
    api.faults.push(...Array.from({ length: 5 }, () => ({ status: 500 })));
    const read = api.requests.length;
    const failed = await realDeps(dir, env, { api: { attempts: 5, retryDelayMs: 1 } }).run("publish", "--remote");
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/Cloudflare API could not read v2:current \(GET \/accounts\/acct-9\/.*\) after 5 attempts: 500 fault 500/);
    expect(api.requests.length - read).toBe(5);
    expect(api.namespace(NS).get(CURRENT_KEY)).toBe(before);

    api.faults.push({ status: 403, errors: [{ code: 10000, message: "Authentication error" }] });
    const denied = await realDeps(dir, env).run("publish", "--remote");
    expect(denied.code).toBe(1);
    expect(denied.err).toContain("Authentication error (code 10000)");
    expect(denied.err).not.toContain("token-123");
  });

  it("leaves the old release live when the API fails midway at any request, and the next publish completes", async () => {
    const { run } = realDeps(dir, env, { api: { attempts: 2, retryDelayMs: 1 } });
    await run("publish", "--remote");
    const before = api.namespace(NS).get(CURRENT_KEY);
    await writeFile(join(dir, "content/posts/2024-01-01-one.md"), post("One, edited", "2024-01-01"));
    await writeFile(join(dir, "content/posts/2024-03-01-three.md"), post("Three", "2024-03-01"));
    // Count the requests of a successful publish on a copy of the store, then fail at each of them.
    const snapshot = new Map(api.namespace(NS));
    const start = api.requests.length;
    expect((await run("publish", "--remote")).code).toBe(0);
    const after = api.namespace(NS).get(CURRENT_KEY);
    const total = api.requests.length - start;
    const pointerWrite = api.requests.slice(start).findIndex((r) => r.path.endsWith("/bulk") && r.body.includes(`"key":"${CURRENT_KEY}"`));
    expect(pointerWrite).toBeGreaterThan(0);
    for (let n = 0; n < total; n++) {
      api.kv.set(NS, new Map(snapshot));
      const base = api.requests.length;
      api.faultsAt.clear();
      for (let attempt = 0; attempt < 2; attempt++) api.faultsAt.set(base + n + attempt, { status: 502 });
      const failed = await run("publish", "--remote");
      api.faultsAt.clear();
      expect(failed.code, `request ${n}`).toBe(1);
      expect(failed.err).toContain("after 2 attempts: 502");
      // Before the pointer write nothing served has changed; from it on, the new release is live.
      expect(api.namespace(NS).get(CURRENT_KEY), `request ${n}`).toBe(n <= pointerWrite ? before : after);
      expect((await run("publish", "--remote")).code, `republish after request ${n}`).toBe(0);
      expect(api.namespace(NS).get(CURRENT_KEY)).toBe(after);
    }
  });

  it("says how to log in when there is neither a token nor wrangler's login, and refuses the local placeholder namespace id", async () => {
    // An empty home: wrangler has no saved login there.
    const home = { HOME: dir, XDG_CONFIG_HOME: join(dir, "config") };
    const missing = await realDeps(dir, { ...process.env, CLOUDFLARE_API_TOKEN: "", CLOUDFLARE_API_BASE_URL: api.baseUrl, ...home }).run(
      "publish",
      "--remote",
    );
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("Not logged in to Cloudflare: run `npx wrangler login` once (in CI, set CLOUDFLARE_API_TOKEN");
    await writeFile(join(dir, "wrangler.toml"), WRANGLER_TOML.replace("ns-test-0001", "edgepress-local"));
    const placeholder = await realDeps(dir, env).run("publish", "--remote");
    expect(placeholder.err).toContain("still the local placeholder; run `npm run deploy` once, which creates the namespace");
    await writeFile(join(dir, "wrangler.toml"), "name = [broken\n");
    const broken = await realDeps(dir, env).run("publish", "--remote");
    expect(broken.err).toMatch(/wrangler\.toml:1: not valid TOML/);
    expect(api.requests).toEqual([]);
  });

  it("acts on the one account the token reaches, and asks which when it reaches several", async () => {
    const tokenOnly = { CLOUDFLARE_API_TOKEN: "token-123", CLOUDFLARE_API_BASE_URL: api.baseUrl };
    const one = await realDeps(dir, tokenOnly).run("publish", "--remote");
    expect(one.code).toBe(0);
    expect(api.requests[0]?.path).toBe("/client/v4/accounts?per_page=50");
    expect(api.requests.slice(1).every((r) => r.path.startsWith("/client/v4/accounts/acct-7/storage/kv/"))).toBe(true);

    api.accounts = [
      { id: "acct-7", name: "Ana" },
      { id: "acct-8", name: "Work" },
    ];
    try {
      const several = await realDeps(dir, { ...tokenOnly }).run("publish", "--remote");
      expect(several.code).toBe(1);
      expect(several.err).toContain(
        "This Cloudflare login reaches 2 accounts: put the one to use as account_id in wrangler.toml, or set CLOUDFLARE_ACCOUNT_ID. They are: Ana (acct-7), Work (acct-8)",
      );
      await writeFile(join(dir, "wrangler.toml"), `account_id = "acct-8"\n${WRANGLER_TOML}`);
      const named = await realDeps(dir, { ...tokenOnly }).run("publish", "--remote");
      expect(named.code).toBe(0);
      expect(api.namespace(NS).size).toBeGreaterThan(0);
      expect(api.requests.at(-1)?.path).toMatch(/^\/client\/v4\/accounts\/acct-8\//);
    } finally {
      api.accounts = [{ id: "acct-7", name: "Ana's account" }];
    }
  });

  it("rolls back, backs up and lists releases on the remote namespace too", async () => {
    const { run } = realDeps(dir, env);
    await run("publish", "--remote");
    await writeFile(join(dir, "content/posts/2024-03-01-three.md"), post("Three", "2024-03-01"));
    await run("publish", "--remote");
    const live = JSON.parse(api.namespace(NS).get(CURRENT_KEY) ?? "{}") as { seq: number };
    api.requests.length = 0;
    const rolled = await run("rollback", "--remote");
    expect(rolled.code).toBe(0);
    // One write: the pointer, with a seq above the one it replaces.
    const writes = api.kvRequests("bulk").flatMap((r) => JSON.parse(r.body) as Array<{ key: string; value: string }>);
    expect(writes.map((w) => w.key)).toEqual([CURRENT_KEY]);
    expect((JSON.parse(writes[0]?.value ?? "{}") as { seq: number }).seq).toBe(live.seq + 1);
    const backup = await run("backup", join(dir, "site.backup"), "--remote");
    expect(backup.code).toBe(0);
    expect(backup.out).toMatch(/Backed up KV namespace ns-test-0001: \d+ keys/);
  });
});

describe("remote KV batches", () => {
  it("splits bulk writes at 10,000 pairs and lists across pages", async () => {
    const port = remoteKvPort(new CloudflareApi({ baseUrl: api.baseUrl, token: "t", retryDelayMs: 1 }), "acct-9", "big");
    const entries = Array.from({ length: 25_001 }, (_, i) => ({ key: `v2:value:${String(i).padStart(6, "0")}`, value: "x" }));
    await port.putMany(entries);
    const sizes = api.kvRequests("bulk").map((r) => (JSON.parse(r.body) as unknown[]).length);
    expect(sizes).toEqual([10_000, 10_000, 5_001]);
    expect(await port.list("v2:value:")).toHaveLength(25_001);
    expect(api.kvRequests("keys")).toHaveLength(26);
    await port.deleteMany(entries.map((e) => e.key));
    expect(api.kvRequests("bulk/delete").map((r) => (JSON.parse(r.body) as unknown[]).length)).toEqual([10_000, 10_000, 5_001]);
    expect(await port.get("v2:value:000001")).toBeNull();
  });

  it("keeps each bulk request under its byte limit, counting JSON escapes and UTF-8", () => {
    const value = 'é"'.repeat(50); // 150 bytes of UTF-8, 200 once escaped
    const entries = Array.from({ length: 20 }, (_, i) => ({ key: `k${i}`, value }));
    const batches = bulkBatches(entries, 1_000);
    expect(batches.flat()).toEqual(entries);
    expect(batches.length).toBeGreaterThan(4);
    for (const b of batches) expect(Buffer.byteLength(JSON.stringify(b))).toBeLessThanOrEqual(1_000);
  });
});
