/**
 * `deploy` end to end, offline: the real wrangler deploys the Worker to a local stand-in for
 * Cloudflare's API (through CLOUDFLARE_API_BASE_URL, which wrangler honours), then the content is
 * published to the namespace named in wrangler.toml, which a first deploy creates.
 */
import { mkdir, readFile, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWrangler } from "../../../src/cli/run-wrangler.ts";
import { CURRENT_KEY, valueKey } from "../../../src/store/keys.ts";
import { parseRelease } from "../../../src/store/release-codec.ts";
import { releaseContents } from "../../../src/store/release-contents.ts";
import { FakeCloudflare } from "../helpers/fake-cloudflare.ts";
import { post, realDeps, tempDir, WRANGLER_TOML, writeFiles } from "../helpers/real-cli.ts";

const api = new FakeCloudflare(8852);
// Inside the repository (ignored by git) so wrangler can bundle src/worker.ts with the project's modules.
const dir = resolve("tmp", `deploy-test-${process.pid}`);
// A token and no account id: the account is the one the token reaches, looked up from the stand-in.
const env = { ...process.env, CLOUDFLARE_API_TOKEN: "deploy-token", CLOUDFLARE_ACCOUNT_ID: "", CLOUDFLARE_API_BASE_URL: api.baseUrl };
/** The namespace the first deploy creates in the stand-in. */
const NS = "ns-created-0001";

beforeAll(async () => {
  await api.start();
  await mkdir(dir, { recursive: true });
  await writeFiles(dir, {
    // The project's own deploy configuration: static assets for media, Workers Cache in front.
    // As the repository ships it: the namespace id names the local store.
    "wrangler.toml": `${WRANGLER_TOML.replace('main = "src/worker.ts"', 'main = "../../src/worker.ts"').replace('id = "ns-test-0001"', 'id = "edgepress-local" # the local store')}\n[assets]\ndirectory = "dist/assets"\n\n[cache]\nenabled = true\n`,
    "content/posts/2024-01-01-hello.md": post("Hello", "2024-01-01", "![A dot](/images/dot.svg)"),
    "content/images/dot.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2"><circle cx="1" cy="1" r="1"/></svg>',
  });
});
afterAll(async () => {
  await api.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("deploy", () => {
  it("creates the namespace on a first deploy, writes its id into wrangler.toml, uploads the Worker, then publishes the content", async () => {
    const { run } = realDeps(dir, env, { runWrangler: (args, extra) => runWrangler(args, { ...env, ...extra }, dir) });
    const result = await run("deploy");
    expect(result.err).toBe("");
    expect(result.code).toBe(0);

    expect(api.requests.filter((r) => r.method === "POST" && r.path === "/client/v4/accounts/acct-7/storage/kv/namespaces")).toEqual([
      expect.objectContaining({ body: JSON.stringify({ title: "blog-test-BLOG" }), authorization: "Bearer deploy-token" }),
    ]);
    const toml = await readFile(join(dir, "wrangler.toml"), "utf8");
    expect(toml).toContain(`id = "${NS}" # the local store`);
    expect(toml).not.toContain("edgepress-local");
    expect(result.out).toContain(
      `Created the KV namespace blog-test-BLOG (id ${NS}) and wrote its id into ${join(dir, "wrangler.toml")}, in place of edgepress-local.`,
    );

    const upload = api.requests.findIndex(
      (r) => r.method === "PUT" && /\/accounts\/acct-7\/workers\/scripts\/blog-test(\?|$)/.test(r.path),
    );
    expect(upload).toBeGreaterThanOrEqual(0);
    const script = api.requests[upload];
    expect(script?.authorization).toBe("Bearer deploy-token");
    // The Worker is bound to the namespace the content goes to.
    expect(script?.body).toContain(`"namespace_id":"${NS}"`);
    // Cloudflare's cache goes in front of the Worker, and the media go up as its static assets, with their headers.
    expect(script?.body).toContain('"cache_options":{"enabled":true}');
    expect(script?.body).toContain('"assets":{"jwt":"assets-completion-jwt"');
    expect(script?.body).toMatch(/"_headers":"\/\*\\n {2}Cache-Control: public, max-age=86400[^"]*X-Content-Type-Options: nosniff/);
    // The site's icon goes up beside them, so browsers fetch it without invoking the Worker.
    expect(Object.keys(api.assets.manifest).sort()).toEqual(["/favicon.svg", "/images/dot.svg"]);
    expect([...api.assets.uploaded].sort()).toEqual(
      [api.assets.manifest["/favicon.svg"]?.hash, api.assets.manifest["/images/dot.svg"]?.hash].sort(),
    );
    const firstKvWrite = api.requests.findIndex((r) => r.path.includes(`/storage/kv/namespaces/${NS}/bulk`));
    expect(firstKvWrite).toBeGreaterThan(upload);
    const release = parseRelease(api.namespace(NS).get(CURRENT_KEY) ?? "");
    if (release === null) throw new Error("nothing published");
    const served = await releaseContents(async (hash) => api.namespace(NS).get(valueKey(hash)) ?? null, release);
    expect(served.has("/2024/01/hello/")).toBe(true);
    // No media in KV: the release only records which media the deployed Worker serves.
    expect([...served.keys()].some((key) => key.includes("dot.svg"))).toBe(false);
    expect(release.media).toMatch(/^[0-9a-f]{32}$/);
    expect(result.out).toContain("is live");

    // A content publish alone must not leave the deployed media behind the content's.
    await writeFiles(dir, { "content/images/dot.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"/>' });
    const stale = await realDeps(dir, env).run("publish", "--remote");
    expect(stale.code).toBe(1);
    expect(stale.err).toContain("Run `npm run deploy`");
  }, 60_000);

  it("publishes nothing when wrangler fails, and deploys nothing when the content is bad", async () => {
    api.requests.length = 0;
    const calls: string[][] = [];
    const failing = realDeps(dir, env, {
      runWrangler: async (args) => {
        calls.push([...args]);
        return 1;
      },
    });
    const failed = await failing.run("deploy");
    expect(failed.code).toBe(1);
    expect(failed.err).toContain("wrangler deploy failed (exit 1); the content was not published");
    expect(calls).toEqual([["deploy", "--config", join(dir, "wrangler.toml")]]);
    expect(api.requests).toEqual([]);

    await writeFiles(dir, { "content/posts/2024-02-01-bad.md": "---\ntitle: [unclosed\n---\n" });
    calls.length = 0;
    const bad = await failing.run("deploy");
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/posts\/2024-02-01-bad\.md:\d+: /);
    expect(calls).toEqual([]);
    expect(api.requests).toEqual([]);
  });

  it("after `wrangler login` needs no token and no account id: wrangler hands over its login", async () => {
    await rm(join(dir, "content/posts/2024-02-01-bad.md"));
    await writeFiles(dir, { "content/posts/2024-03-01-again.md": post("Again", "2024-03-01") });
    // What `npx wrangler login` leaves: wrangler's own config file with an OAuth token, here in an empty home.
    const home = await tempDir("edgepress-home-");
    await writeFiles(home, {
      ".config/.wrangler/config/default.toml": `oauth_token = "oauth-token-1"\nexpiration_time = "2999-01-01T00:00:00.000Z"\nrefresh_token = "refresh-1"\nscopes = ["account:read", "user:read", "workers:write", "workers_kv:write"]\n`,
    });
    const { CLOUDFLARE_API_TOKEN: _token, CLOUDFLARE_ACCOUNT_ID: _account, ...rest } = env;
    const loggedIn = { ...rest, HOME: home, XDG_CONFIG_HOME: join(home, ".config") };
    api.requests.length = 0;
    const result = await realDeps(dir, loggedIn, { runWrangler: (args, extra) => runWrangler(args, { ...loggedIn, ...extra }, dir) }).run(
      "deploy",
    );
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    expect(api.requests.length).toBeGreaterThan(0);
    // Every request but the asset upload (which carries the upload session's own token) is signed in as the login.
    for (const r of api.requests.filter((r) => !r.path.includes("/workers/assets/upload")))
      expect(r.authorization, `${r.method} ${r.path}`).toBe("Bearer oauth-token-1");
    // The namespace exists now: nothing is created, the Worker and the content go to the same account.
    expect(api.requests.some((r) => r.method === "POST" && r.path.endsWith("/storage/kv/namespaces"))).toBe(false);
    expect(api.requests.some((r) => r.method === "PUT" && r.path.startsWith("/client/v4/accounts/acct-7/workers/scripts/blog-test"))).toBe(
      true,
    );
    const release = parseRelease(api.namespace(NS).get(CURRENT_KEY) ?? "");
    if (release === null) throw new Error("nothing published");
    const served = await releaseContents(async (hash) => api.namespace(NS).get(valueKey(hash)) ?? null, release);
    expect(served.has("/2024/03/again/")).toBe(true);

    const noLogin = await realDeps(dir, { ...loggedIn, HOME: dir, XDG_CONFIG_HOME: join(dir, "no-config") }).run("publish", "--remote");
    expect(noLogin.code).toBe(1);
    expect(noLogin.err).toContain("Not logged in to Cloudflare: run `npx wrangler login` once");
  }, 60_000);
});
