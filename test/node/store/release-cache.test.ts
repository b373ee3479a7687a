import { describe, expect, it } from "vitest";
import { RELEASE_FORMAT, type Release } from "../../../src/model/release.ts";
import { DEFAULT_SITE } from "../../../src/model/site.ts";
import { ReleaseCache } from "../../../src/store/release-cache.ts";

const release = (seq: number): Release => ({
  format: RELEASE_FORMAT,
  id: `r${seq}`,
  seq,
  createdAt: "2026-01-01T00:00:00.000Z",
  site: DEFAULT_SITE,
  buckets: [`${seq}`.padStart(32, "0")],
  solo: {},
  boundaries: [],
  media: "",
});

/** A KV whose pointer reads are answered by the test, one at a time. */
function controlledKv() {
  const waiting: Array<(text: string | null) => void> = [];
  let reads = 0;
  return {
    kv: {
      get: () => {
        reads++;
        return new Promise<string | null>((resolve) => waiting.push(resolve));
      },
    },
    answer: (r: Release | null) => waiting.shift()?.(r === null ? null : JSON.stringify(r)),
    reads: () => reads,
  };
}

describe("ReleaseCache", () => {
  it("reads once, then serves from memory until the TTL passes", async () => {
    const { kv, answer, reads } = controlledKv();
    const cache = new ReleaseCache(5_000, 1_000);
    const first = cache.get(kv, 0);
    answer(release(1));
    expect((await first)?.id).toBe("r1");
    expect((await cache.get(kv, 4_999))?.id).toBe("r1");
    expect(reads()).toBe(1);
  });

  it("keeps the parsed release while the pointer's text is unchanged, and takes a changed one", async () => {
    const { kv, answer } = controlledKv();
    const cache = new ReleaseCache(5_000, 1_000);
    const first = cache.get(kv, 0);
    answer(release(1));
    const held = await first;
    const recheck = cache.get(kv, 6_000);
    answer(release(1));
    // The very same object: the text was compared, not parsed into a copy.
    expect(await recheck).toBe(held);
    const changed = cache.get(kv, 12_000);
    answer({ ...release(1), buckets: ["f".repeat(32)] });
    const fresh = await changed;
    expect(fresh).not.toBe(held);
    expect(fresh?.buckets).toEqual(["f".repeat(32)]);
  });

  it("lets one request refresh while the others answer with the release held, without waiting on its read", async () => {
    const { kv, answer, reads } = controlledKv();
    const cache = new ReleaseCache(5_000, 1_000);
    const first = cache.get(kv, 0);
    answer(release(1));
    await first;

    const refreshing = cache.get(kv, 6_000);
    // The refresh is in flight and unanswered; another request must not wait for it.
    expect((await cache.get(kv, 6_001))?.id).toBe("r1");
    expect(reads()).toBe(2);
    answer(release(2));
    expect((await refreshing)?.id).toBe("r2");
    expect((await cache.get(kv, 6_002))?.id).toBe("r2");
  });

  it("starts a new refresh when one was abandoned (its request cancelled)", async () => {
    const { kv, answer, reads } = controlledKv();
    const cache = new ReleaseCache(5_000, 1_000);
    const first = cache.get(kv, 0);
    answer(release(1));
    await first;
    void cache.get(kv, 6_000); // never answered
    expect((await cache.get(kv, 6_500))?.id).toBe("r1");
    const next = cache.get(kv, 8_500);
    expect(reads()).toBe(3);
    answer(null); // the abandoned read
    answer(release(3));
    expect((await next)?.id).toBe("r3");
  });

  it("never goes back to an older release that KV still returns", async () => {
    const { kv, answer } = controlledKv();
    const cache = new ReleaseCache(5_000, 1_000);
    const a = cache.get(kv, 0);
    answer(release(5));
    await a;
    const b = cache.get(kv, 6_000);
    answer(release(4));
    expect((await b)?.id).toBe("r5");
  });
});
