import { describe, expect, it } from "vitest";
import type { CachedEntry } from "../../src/cache/cache-entry.ts";
import { MemoryCache } from "../../src/cache/memory-cache.ts";

const entry = (release: string, bytes: number): CachedEntry => ({
  release,
  status: 200,
  headers: [],
  body: new Uint8Array(bytes),
  gzip: null,
});

describe("the isolate's response cache", () => {
  it("stays within its byte budget, dropping the least recently used first", () => {
    // Room for three of these entries (body, key and header allowance), not four.
    const cache = new MemoryCache(10_000);
    cache.set("a", entry("r1", 1_000));
    cache.set("b", entry("r1", 1_000));
    cache.set("c", entry("r1", 1_000));
    expect(cache.get("a")).toBeDefined(); // a is now the most recent
    cache.set("d", entry("r1", 1_000));
    expect(cache.bytes).toBeLessThanOrEqual(10_000);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
    expect(cache.get("d")).toBeDefined();
  });

  it("never keeps an entry larger than the whole budget", () => {
    const cache = new MemoryCache(1_000);
    cache.set("big", entry("r1", 2_000));
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it("drops every entry of a release once one of a newer release arrives", () => {
    const cache = new MemoryCache(100_000);
    cache.set("r1/a", entry("r1", 10));
    cache.set("r1/b", entry("r1", 10));
    cache.set("r2/a", entry("r2", 10));
    expect(cache.size).toBe(1);
    expect(cache.get("r1/a")).toBeUndefined();
  });

  it("replaces an entry under the same key without counting it twice", () => {
    const cache = new MemoryCache(100_000);
    cache.set("a", entry("r1", 100));
    const once = cache.bytes;
    cache.set("a", entry("r1", 100));
    expect(cache.bytes).toBe(once);
  });
});
