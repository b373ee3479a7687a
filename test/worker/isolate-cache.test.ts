import { describe, expect, it } from "vitest";
import type { ResponseEntry } from "../../src/http/response-entry.ts";
import { IsolateCache } from "../../src/render-cache/isolate-cache.ts";

const entry = (release: string, bytes: number): ResponseEntry => ({
  release,
  status: 200,
  headers: [],
  body: new Uint8Array(bytes),
  gzip: null,
});

describe("the isolate's response cache", () => {
  it("stays within its byte budget, dropping the least recently used first", () => {
    // Room for three of these entries (body, key and header allowance), not four.
    const cache = new IsolateCache(10_000);
    const [a, b, c, d] = [entry("r1", 1_000), entry("r1", 1_000), entry("r1", 1_000), entry("r1", 1_000)];
    cache.set("a", a);
    cache.set("b", b);
    cache.set("c", c);
    expect(cache.get("a")).toBe(a); // a is now the most recent
    cache.set("d", d);
    expect(cache.bytes).toBeLessThanOrEqual(10_000);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(a);
    expect(cache.get("c")).toBe(c);
    expect(cache.get("d")).toBe(d);
  });

  it("never keeps an entry larger than the whole budget", () => {
    const cache = new IsolateCache(1_000);
    cache.set("big", entry("r1", 2_000));
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it("drops every entry of a release once one of a newer release arrives", () => {
    const cache = new IsolateCache(100_000);
    cache.set("r1/a", entry("r1", 10));
    cache.set("r1/b", entry("r1", 10));
    const newer = entry("r2", 10);
    cache.set("r2/a", newer);
    expect(cache.size).toBe(1);
    expect(cache.get("r1/a")).toBeUndefined();
    expect(cache.get("r2/a")).toBe(newer);
  });

  it("replaces an entry under the same key without counting it twice", () => {
    const cache = new IsolateCache(100_000);
    cache.set("a", entry("r1", 100));
    const once = cache.bytes;
    const replacement = entry("r1", 100);
    cache.set("a", replacement);
    expect(cache.bytes).toBe(once);
    expect(cache.get("a")).toBe(replacement);
  });
});
