import { describe, expect, it } from "vitest";
import type { Release } from "../../../src/model/release.ts";
import { bucketOf, HASHING, valueHolding } from "../../../src/store/bucket-key.ts";

const BUCKETS = 4096;
/** Lists and the feeds that follow them, as a publish lays them out. */
const FEEDS: Array<[list: string, feeds: string[]]> = [
  ["/", ["/feed/", "/feed", "/feed/atom/", "/feed/rss2/", "/feed.json"]],
  ["/category/notes/", ["/category/notes/feed/"]],
  ["/tag/kv/", ["/tag/kv/feed/"]],
  ["/2019/03/01/", ["/2019/03/01/feed/"]],
  ["/author/bench/", ["/author/bench/feed/"]],
];

describe("which bucket a key lives in", () => {
  it("puts each feed in its list's bucket, so an edit that changes both writes one value", () => {
    for (const [list, feeds] of FEEDS) {
      for (const feed of feeds) expect(bucketOf(feed, BUCKETS), feed).toBe(bucketOf(list, BUCKETS));
    }
  });

  it("keeps a path's forms together and other paths apart", () => {
    expect(bucketOf("/about", BUCKETS)).toBe(bucketOf("/about/", BUCKETS));
    expect(bucketOf("/about.html", BUCKETS)).toBe(bucketOf("/about/", BUCKETS));
    // Spread: 200 different lists do not crowd into a few buckets.
    const lists = Array.from({ length: 200 }, (_, i) => bucketOf(`/tag/t${i}/`, BUCKETS));
    expect(new Set(lists).size).toBeGreaterThan(190);
    // A post whose slug merely ends in "feed" is not taken for a feed.
    expect(bucketOf("/2019/03/newsfeed/", BUCKETS)).not.toBe(bucketOf("/2019/03/", BUCKETS));
  });

  it("reads a release packed before feeds moved (no `hashing`) as it was packed", () => {
    const buckets = Array.from({ length: BUCKETS }, (_, i) => i.toString(16).padStart(16, "0"));
    const release = { buckets, solo: { "/big/": "f".repeat(16) } } as unknown as Release;
    const older = bucketOf("/tag/kv/feed/", BUCKETS, 1);
    expect(older).not.toBe(bucketOf("/tag/kv/feed/", BUCKETS));
    expect(valueHolding(release, "/tag/kv/feed/")).toBe(buckets[older]);
    expect(valueHolding({ ...release, hashing: HASHING }, "/tag/kv/feed/")).toBe(buckets[bucketOf("/tag/kv/", BUCKETS)]);
    expect(valueHolding(release, "/big/")).toBe("f".repeat(16));
  });
});
