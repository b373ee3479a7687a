/**
 * `npm run preview`: a draft shared at a signed link, beside the live release and never in it, and
 * what that costs in KV writes (BENCHMARKS.md, "Previews").
 */
import { cpSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PreviewRecord } from "../../../src/model/preview.ts";
import { CURRENT_KEY, PREVIEW_PREFIX, PREVIEW_SECRET_KEY, previewKey } from "../../../src/store/keys.ts";
import { runCli, tempFolder } from "../helpers/cli.ts";
import { FakeCloudflare } from "../helpers/fake-cloudflare.ts";
import { MemoryKv } from "../helpers/memory-kv.ts";
import { realDeps, tempDir, WRANGLER_TOML, writeFiles } from "../helpers/real-cli.ts";

const NOW = new Date("2026-11-25T12:00:00Z");
let cwd = "";
let kv = new MemoryKv();

beforeEach(async () => {
  cwd = tempFolder({});
  cpSync("test/fixtures/shared-draft", join(cwd, "content"), { recursive: true });
  kv = new MemoryKv();
  expect((await runCli(["publish"], { cwd, kv, now: NOW })).code).toBe(0);
});

/** Everything but the previews: what the live site is made of. */
const site = () => [...kv.data].filter(([key]) => !key.startsWith(PREVIEW_PREFIX) && key !== PREVIEW_SECRET_KEY);
const record = (id: string) => JSON.parse(kv.data.get(previewKey(id)) ?? "null") as PreviewRecord;

describe("preview", () => {
  it("shares a draft at a signed link for 7 days, in 2 KV writes the first time and 1 after, leaving the release alone", async () => {
    const before = site();
    const writes = kv.writes.length;
    const first = await runCli(["preview", "content/_drafts/kelp-forests.md"], { cwd, kv, now: NOW });
    expect(first.stderr).toEqual([]);
    expect(first.code).toBe(0);
    const id = /--revoke ([0-9a-f]{16})/.exec(first.stdout.join("\n"))?.[1] ?? "";
    expect(first.stdout.join("\n")).toMatch(new RegExp(`^  http://127\\.0\\.0\\.1:8787/_preview/${id}\\.[A-Za-z0-9_-]{43}$`, "m"));
    expect(first.stdout[0]).toBe(
      "Preview of _drafts/kelp-forests.md (to be /2026/11/kelp-forests/) in memory KV, until 2026-12-02 12:00 UTC:",
    );
    expect(kv.writes.slice(writes)).toEqual([PREVIEW_SECRET_KEY, previewKey(id)]);
    expect(first.stdout.at(-1)).toBe("2 KV writes; the live release is unchanged.");
    expect(record(id)).toMatchObject({
      source: "_drafts/kelp-forests.md",
      permalink: "/2026/11/kelp-forests/",
      model: { title: "Kelp forests" },
    });
    expect(record(id).expires - record(id).created).toBe(7 * 86_400_000);

    const second = await runCli(["preview", "content/posts/2026-11-20-unfinished.md", "--expires", "90m"], { cwd, kv, now: NOW });
    expect(second.code).toBe(0);
    expect(kv.writes.length).toBe(writes + 3);
    expect(second.stdout.at(-1)).toBe("1 KV write; the live release is unchanged.");
    expect(site()).toEqual(before);
    const unfinished = /--revoke ([0-9a-f]{16})/.exec(second.stdout.join("\n"))?.[1] ?? "";
    expect(record(unfinished).expires - record(unfinished).created).toBe(90 * 60_000);
    expect(record(unfinished).model.html).toContain("Still being written.");
  });

  it("lists the previews and revokes one with one KV delete", async () => {
    const shared = await runCli(["preview", "content/_drafts/kelp-forests.md", "--expires", "2d"], { cwd, kv, now: NOW });
    const id = /--revoke ([0-9a-f]{16})/.exec(shared.stdout.join("\n"))?.[1] ?? "";
    const link = shared.stdout[1];
    const list = await runCli(["preview", "--list"], { cwd, kv, now: NOW });
    expect(list.stdout).toEqual([`${id}  _drafts/kelp-forests.md  /2026/11/kelp-forests/  until 2026-11-27 12:00 UTC`, link]);
    const later = await runCli(["preview", "--list"], { cwd, kv, now: new Date("2026-11-28T00:00:00Z") });
    expect(later.stdout).toEqual([`${id}  _drafts/kelp-forests.md  /2026/11/kelp-forests/  expired 2026-11-27 12:00 UTC`]);

    const deletes = kv.deletes.length;
    const revoked = await runCli(["preview", "--revoke", id], { cwd, kv, now: NOW });
    expect(revoked.code).toBe(0);
    expect(kv.deletes.slice(deletes)).toEqual([previewKey(id)]);
    expect((await runCli(["preview", "--list"], { cwd, kv, now: NOW })).stdout).toEqual(["No previews in memory KV."]);
    const again = await runCli(["preview", "--revoke", id], { cwd, kv, now: NOW });
    expect(again.code).toBe(1);
    expect(again.stderr[0]).toContain(`No preview ${id} in memory KV`);
  });

  it("deletes expired previews when it shares the next one", async () => {
    const old = await runCli(["preview", "content/_drafts/kelp-forests.md", "--expires", "1h"], { cwd, kv, now: NOW });
    const id = /--revoke ([0-9a-f]{16})/.exec(old.stdout.join("\n"))?.[1] ?? "";
    const next = await runCli(["preview", "content/_drafts/kelp-forests.md"], { cwd, kv, now: new Date("2026-11-26T12:00:00Z") });
    expect(next.stdout.at(-1)).toBe("1 KV write, 1 expired previews deleted; the live release is unchanged.");
    expect(kv.data.has(previewKey(id))).toBe(false);
  });

  it("refuses a bad lifetime, a file outside the content folder, and a draft with a problem, sharing nothing", async () => {
    const writes = kv.writes.length;
    const weeks = await runCli(["preview", "content/_drafts/kelp-forests.md", "--expires", "2w"], { cwd, kv, now: NOW });
    expect(weeks.code).toBe(2);
    expect(weeks.stderr[0]).toContain("--expires takes a number and a unit, m, h or d");
    await writeFile(join(cwd, "outside.md"), "---\ntitle: Out\n---\n");
    const outside = await runCli(["preview", "outside.md"], { cwd, kv, now: NOW });
    expect(outside.code).toBe(1);
    expect(outside.stderr[0]).toBe("outside.md: not inside the content folder content");
    await writeFile(join(cwd, "content/_drafts/broken.md"), "---\ntitle: [unclosed\ndraft: true\n---\nText.\n");
    const broken = await runCli(["preview", "content/_drafts/broken.md"], { cwd, kv, now: NOW });
    expect(broken.code).toBe(1);
    expect(broken.stderr[1]).toMatch(/^_drafts\/broken\.md:\d+: invalid YAML in front matter/);
    const nothing = await runCli(["preview", "--list", "--revoke", "x"], { cwd, kv, now: NOW });
    expect(nothing.code).toBe(2);
    expect(kv.writes.length).toBe(writes);
  });
});

describe("preview --remote", () => {
  const api = new FakeCloudflare(8854);
  beforeAll(() => api.start());
  afterAll(() => api.stop());

  it("shares on the real namespace at the site's address, in one bulk request, and revokes in one delete", async () => {
    const dir = await tempDir();
    cpSync("test/fixtures/shared-draft", join(dir, "content"), { recursive: true });
    await writeFiles(dir, { "wrangler.toml": WRANGLER_TOML, "content/_config.yml": "title: Field Notes\nurl: https://notes.example/\n" });
    const env = { CLOUDFLARE_API_TOKEN: "t", CLOUDFLARE_ACCOUNT_ID: "acct-9", CLOUDFLARE_API_BASE_URL: api.baseUrl };
    const { run } = realDeps(dir, env);
    expect((await run("publish", "--remote")).code).toBe(0);
    const pointer = api.namespace("ns-test-0001").get(CURRENT_KEY);
    api.requests.length = 0;
    const shared = await run("preview", "content/_drafts/kelp-forests.md", "--remote");
    expect(shared.err).toBe("");
    expect(shared.out).toMatch(/^ {2}https:\/\/notes\.example\/_preview\/[0-9a-f]{16}\.[A-Za-z0-9_-]{43}$/m);
    expect(shared.out).toMatch(/Revoke it with: npm run preview -- --revoke [0-9a-f]{16} --remote/);
    const bulk = api.kvRequests("bulk");
    expect(bulk.length).toBe(1);
    expect((JSON.parse(bulk[0]?.body ?? "[]") as unknown[]).length).toBe(2);
    expect(api.namespace("ns-test-0001").get(CURRENT_KEY)).toBe(pointer);

    const id = /--revoke ([0-9a-f]{16})/.exec(shared.out)?.[1] ?? "";
    api.requests.length = 0;
    expect((await run("preview", "--revoke", id, "--remote")).code).toBe(0);
    expect(api.kvRequests("bulk/delete").map((r) => JSON.parse(r.body) as string[])).toEqual([[previewKey(id)]]);
    expect(api.kvRequests("bulk")).toEqual([]);
  });
});
