/** The release store: incremental writes, the write and delete budgets, history and clean-up, rollback, and KV's limits. */
import { describe, expect, it } from "vitest";
import { compileSite } from "../../../src/compile/compile-site.ts";
import type { SiteBuild } from "../../../src/compile/types.ts";
import { valuesOf } from "../../../src/model/release.ts";
import { CURRENT_KEY, HISTORY_KEY, VALUE_PREFIX, valueKey } from "../../../src/store/keys.ts";
import { KvLimitError, MAX_KEY_BYTES } from "../../../src/store/kv-limits.ts";
import { BudgetError, publishBuild } from "../../../src/store/publish.ts";
import { parseRelease } from "../../../src/store/release-codec.ts";
import { releaseContents } from "../../../src/store/release-contents.ts";
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
const served = async (kv: MemoryKv) => {
  const release = live(kv);
  if (release === null) throw new Error("nothing live");
  return releaseContents((hash) => kv.get(valueKey(hash)), release);
};

describe("publishing", () => {
  it("writes only values KV does not hold, and a removed post stops answering", async () => {
    const kv = new MemoryKv();
    const first = await publishBuild(kv, version(1), at(1));
    expect(first.added).toContain("/2024/01/a/");
    // Every value, the pointer and the history.
    expect(kv.writes.length).toBe(first.newValues + 2);
    expect(first.writes).toBe(kv.writes.length);
    const writesBefore = kv.writes.length;
    const edited = site({ "posts/2024-01-01-a.md": post("A", "2024-01-01", "Version 2.") });
    const dry = await publishBuild(kv, edited, { ...at(2), dryRun: true });
    expect(dry.removed).toContain("/2024/01/b/");
    expect(dry.changed).toContain("/2024/01/a/");
    expect(kv.writes.length).toBe(writesBefore);

    const second = await publishBuild(kv, edited, at(2));
    expect(second.removed).toContain("/2024/01/b/");
    expect((await served(kv)).has("/2024/01/b/")).toBe(false);
    expect(kv.writes.length - writesBefore).toBe(second.writes);
    expect(second.writes).toBe(second.newValues + 2);

    const again = await publishBuild(kv, edited, at(3));
    expect(again.prepared.same).toBe(true);
    expect(again.writes).toBe(0);
    expect(kv.writes.length - writesBefore).toBe(second.writes);
  });

  it("keeps the last five releases and cleans up what none of them uses", async () => {
    const kv = new MemoryKv();
    for (let n = 1; n <= 7; n++) await publishBuild(kv, version(n), at(n));
    const { history } = await readHistory(kv);
    expect(history.map((r) => r.seq)).toEqual([3, 4, 5, 6, 7]);
    const kept = new Set(history.flatMap((r) => valuesOf(r).map(valueKey)));
    expect(await kv.list(VALUE_PREFIX)).toEqual([...kept].sort());
    expect(kv.deletes.length).toBeGreaterThan(0);
  });

  it("deletes no more than its delete budget, and later publishes finish the clean-up", async () => {
    const kv = new MemoryKv();
    for (let n = 1; n <= 6; n++) await publishBuild(kv, version(n), { ...at(n), keep: 1, deleteBudget: 1 });
    const last = await publishBuild(kv, version(6), { ...at(7), keep: 1, deleteBudget: 1 });
    expect(last.deletes).toBeLessThanOrEqual(1);
    // The unchanged re-publish still deletes, within the budget, what the earlier ones left.
    let rounds = 0;
    while ((await kv.list(VALUE_PREFIX)).length > valuesOf(live(kv) ?? never()).length && rounds < 20) {
      const result = await publishBuild(kv, version(6), { ...at(8 + rounds), keep: 1, deleteBudget: 1 });
      expect(result.cleanup?.deleted).toBe(1);
      expect(result.writes).toBe(0);
      rounds++;
    }
    expect(await kv.list(VALUE_PREFIX)).toEqual(
      valuesOf(live(kv) ?? never())
        .map(valueKey)
        .sort(),
    );
  });

  it("refuses a publish over its write budget before writing anything", async () => {
    const kv = new MemoryKv();
    await publishBuild(kv, version(1), at(1));
    const writes = kv.writes.length;
    const error = await publishBuild(kv, version(2), { ...at(2), budget: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BudgetError);
    expect(String(error)).toMatch(/needs \d+ KV writes and the budget is 1/);
    expect(kv.writes.length).toBe(writes);
  });

  it("publishes in slices: the old release stays live until the last slice switches the pointer", async () => {
    const kv = new MemoryKv();
    const big = (n: number) =>
      site(
        Object.fromEntries(
          Array.from({ length: 400 }, (_, i) => [
            `posts/2024-01-${String((i % 28) + 1).padStart(2, "0")}-p${i}.md`,
            post(`P${i}`, `2024-01-${String((i % 28) + 1).padStart(2, "0")}`, `${"words ".repeat(300)} v${n}`),
          ]),
        ),
      );
    const first = await publishBuild(kv, big(1), at(1));
    expect(first.release.buckets.length).toBeGreaterThan(2);
    const plan = await publishBuild(kv, big(2), { ...at(2), dryRun: true });
    // Enough for half the values now, and for the rest with the pointer and history on the next run.
    const budget = Math.ceil((plan.newValues + 2) / 2);
    expect(plan.writes).toBeGreaterThan(budget);
    const slice1 = await publishBuild(kv, big(2), { ...at(2), budget, slice: true });
    expect(slice1.partial).toBe(true);
    expect(slice1.written).toBe(budget);
    expect(live(kv)?.id).toBe(first.release.id);
    const slice2 = await publishBuild(kv, big(2), { ...at(3), budget, slice: true });
    // What the first slice wrote is found in KV and not written again.
    expect(slice2.newValues).toBe(plan.newValues - budget);
    expect(slice2.partial).toBe(false);
    expect(live(kv)?.id).toBe(slice2.release.id);
    expect(slice2.release.id).toBe(plan.prepared.release.id);
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
    expect((await served(kv)).has(longPath.normalize("NFC"))).toBe(true);
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
    const own = valuesOf(first ?? never()).filter((hash) => !valuesOf(live(kv) ?? never()).includes(hash));
    kv.data.delete(valueKey(own[0] ?? ""));
    const writes = kv.writes.length;
    await expect(rollback(kv, { to: null, dryRun: false })).rejects.toThrow(/incomplete: 1 of its values are missing/);
    expect(kv.writes.length).toBe(writes);
    expect(kv.data.has(HISTORY_KEY)).toBe(true);
  });
});

function never(): never {
  throw new Error("unexpected");
}
