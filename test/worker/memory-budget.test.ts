import { describe, expect, it } from "vitest";
import { LastGoodResponses } from "../../src/render-cache/last-good.ts";
import { MEMORY_BUDGET, SITE_MEMORY_BYTES } from "../../src/render-cache/memory-budget.ts";
import { RenderCache } from "../../src/render-cache/render-cache.ts";

describe("the isolate's memory for the site", () => {
  it("shares out no more than 32 MiB between rendered pages, buckets, last good copies and the release", () => {
    const total = Object.values(MEMORY_BUDGET).reduce((sum, bytes) => sum + bytes, 0);
    expect(SITE_MEMORY_BYTES).toBe(32 * 1024 * 1024);
    expect(total).toBeLessThanOrEqual(SITE_MEMORY_BYTES);
  });

  it("is what the caches are built with", () => {
    expect(new RenderCache({ shared: null }).memory.maxBytes).toBe(MEMORY_BUDGET.renderCache);
    // The last-good store keeps to its share: an entry larger than an eighth of it is not kept.
    const store = new LastGoodResponses();
    const big = { release: "r", status: 200, headers: [], body: new Uint8Array(MEMORY_BUDGET.lastGood / 8 + 1), gzip: null };
    store.remember("/", big);
    expect(store.recall("/", new Request("https://blog.example/"))).toBeNull();
  });
});
