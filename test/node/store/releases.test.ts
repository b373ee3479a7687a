/** The release store: incremental writes, history and clean-up, rollback, and KV's limits. */
import { describe, expect, it } from "vitest";
import { compileSite } from "../../../src/compile/compile-site.ts";
import type { SiteBuild } from "../../../src/compile/types.ts";
import { blobsOf } from "../../../src/model/release.ts";
import { BLOB_PREFIX, blobKey, CURRENT_KEY, HISTORY_KEY, RELEASE_PREFIX } from "../../../src/store/keys.ts";
import { KvLimitError, MAX_KEY_BYTES } from "../../../src/store/kv-limits.ts";
import { publishBuild } from "../../../src/store/publish.ts";
import { parseRelease } from "../../../src/store/release-codec.ts";
import { RollbackError, readHistory, rollback } from "../../../src/store/rollback.ts";
import { MemoryKv } from "../helpers/memory-kv.ts";
import { post } from "../helpers/real-cli.ts";

function site(files: Record<string, string>): SiteBuild {
  const reading = compileSite({
    files: Object.entries(files).map(([path, text]) => ({ path, text, inPosts: false })),
    config: { path: "_config.yml", text: "title: T\ntimezone: UTC\n" },
    media: [],
    skipped: [],
    problems: [],
  });
  if (reading.build === null) throw new Error(JSON.stringify(reading.problems));
  return reading.build;
}

const at = (day: number) => ({ now: new Date(Date.UTC(2026, 10, day)), dryRun: false });
const version = (n: number) =>
  site({ "posts/2024-01-01-a.md": post("A", "2024-01-01", `Version ${n}.`), "posts/2024-01-02-b.md": post("B", "2024-01-02") });
const live = (kv: MemoryKv) => parseRelease(kv.data.get(CURRENT_KEY) ?? "");

describe("publishing", () => {
  it("writes only new values, and removed posts leave the route table", async () => {
    const kv = new MemoryKv();
    const first = await publishBuild(kv, version(1), at(1));
    expect(first.plan.added).toContain("/2024/01/a/");
    const writesBefore = kv.writes.length;
    const dry = await publishBuild(kv, site({ "posts/2024-01-01-a.md": post("A", "2024-01-01", "Version 2.") }), {
      ...at(2),
      dryRun: true,
    });
    expect(dry.plan.removed).toContain("/2024/01/b/");
    expect(kv.writes.length).toBe(writesBefore);

    const second = await publishBuild(kv, site({ "posts/2024-01-01-a.md": post("A", "2024-01-01", "Version 2.") }), at(2));
    expect(second.plan.removed).toContain("/2024/01/b/");
    expect(live(kv)?.routes["/2024/01/b/"]).toBeUndefined();
    // Post a and every list, feed, archive and index it is in changed; then the release, the pointer, the history.
    expect(kv.writes.length - writesBefore).toBe(second.newBlobs.length + 3);
    expect(second.newBlobs.map((b) => b.key)).toContain(blobKey(live(kv)?.routes["/2024/01/a/"]?.[1] ?? ""));
  });

  it("keeps the last five releases and cleans up what none of them uses", async () => {
    const kv = new MemoryKv();
    for (let n = 1; n <= 7; n++) await publishBuild(kv, version(n), at(n));
    const { history } = await readHistory(kv);
    expect(history.map((e) => e.seq)).toEqual([3, 4, 5, 6, 7]);
    expect(await kv.list(RELEASE_PREFIX)).toHaveLength(5);
    const kept = new Set<string>();
    // Every blob a kept release can serve (pages, search shards, scheduled pages) stays; nothing else does.
    for (const key of await kv.list(RELEASE_PREFIX)) {
      const release = parseRelease(kv.data.get(key) ?? "");
      for (const hash of release ? blobsOf(release) : []) kept.add(blobKey(hash));
    }
    expect(await kv.list(BLOB_PREFIX)).toEqual([...kept].sort());
  });

  it("refuses values over 25 MiB before writing anything, and keeps keys short for any permalink", async () => {
    const kv = new MemoryKv();
    const build = site({ "posts/2024-01-01-a.md": post("A", "2024-01-01") });
    const page = build.pages.get("/2024/01/a/");
    if (page?.model.kind !== "post") throw new Error("no post page");
    build.pages.set("/2024/01/a/", { ...page, model: { ...page.model, html: "ü".repeat(13 * 1024 * 1024) } });
    await expect(publishBuild(kv, build, at(1))).rejects.toThrow(/\/2024\/01\/a\/: value is 26\.0 MiB; KV allows 25 MiB/);
    await expect(publishBuild(kv, build, at(1))).rejects.toThrow(KvLimitError);
    expect(kv.writes.length).toBe(0);

    const longPath = `/${"Ωμέγα-日本語-".repeat(60)}/`;
    await publishBuild(kv, site({ "posts/2024-01-01-a.md": post("A", "2024-01-01", "x", `permalink: ${longPath}\n`) }), at(2));
    expect(live(kv)?.routes[longPath.normalize("NFC")]).toBeDefined();
    for (const key of kv.data.keys()) expect(new TextEncoder().encode(key).byteLength).toBeLessThanOrEqual(MAX_KEY_BYTES);
  });
});

describe("rollback", () => {
  it("returns to the previous release in one write with a higher seq, then further back", async () => {
    const kv = new MemoryKv();
    for (let n = 1; n <= 3; n++) await publishBuild(kv, version(n), at(n));
    const [r1, r2, r3] = (await readHistory(kv)).history;
    const writes = kv.writes.length;
    const result = await rollback(kv, { to: null, dryRun: false });
    expect(kv.writes.length - writes).toBe(1);
    expect(result.from.id).toBe(r3?.id);
    expect(live(kv)?.id).toBe(r2?.id);
    expect(live(kv)?.seq).toBe(4);
    await rollback(kv, { to: null, dryRun: false });
    expect(live(kv)?.id).toBe(r1?.id);
    await expect(rollback(kv, { to: null, dryRun: false })).rejects.toThrow(/oldest one kept/);
    await rollback(kv, { to: r3?.id.slice(0, 8) ?? "", dryRun: false });
    expect(live(kv)?.id).toBe(r3?.id);
    expect(live(kv)?.seq).toBe(6);
    // A publish after a rollback continues the sequence.
    await publishBuild(kv, version(9), at(9));
    expect(live(kv)?.seq).toBe(7);
  });

  it("refuses when nothing is published or a release is incomplete, writing nothing", async () => {
    const empty = new MemoryKv();
    await expect(rollback(empty, { to: null, dryRun: false })).rejects.toThrow(RollbackError);
    const kv = new MemoryKv();
    await publishBuild(kv, version(1), at(1));
    await publishBuild(kv, version(2), at(2));
    const first = (await readHistory(kv)).history[0];
    const [, hash] = Object.values(parseRelease(kv.data.get(`${RELEASE_PREFIX}${first?.id}`) ?? "")?.routes ?? {})[0] ?? [];
    kv.data.delete(blobKey(hash ?? ""));
    const writes = kv.writes.length;
    await expect(rollback(kv, { to: null, dryRun: false })).rejects.toThrow(/incomplete: 1 of its values are missing/);
    expect(kv.writes.length).toBe(writes);
    expect(kv.data.has(HISTORY_KEY)).toBe(true);
  });
});
