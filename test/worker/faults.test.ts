/**
 * KV failing under the Worker: reads that throw, hang, or return a corrupt or missing pointer or
 * page. Visitors get the last good copy of the page, else a 503 with Retry-After, never a 500 or an
 * empty site; the log says why.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { STALE_HEADER } from "../../src/render-cache/last-good.ts";
import { createApp } from "../../src/routes/router.ts";
import { CURRENT_KEY } from "../../src/store/keys.ts";
import { ReleaseCache } from "../../src/store/release-cache.ts";
import { faultyKv } from "./helpers/faulty-kv.ts";
import { contentOf, publish } from "./helpers/site.ts";

const POST = "/2024/05/resilient/";

beforeAll(async () => {
  await publish(
    contentOf({
      "posts/2024-05-01-resilient.md": "---\ntitle: Resilient\ndate: 2024-05-01\n---\nStill here when KV is not.\n",
      "posts/2024-05-02-other.md": "---\ntitle: Other\ndate: 2024-05-02\n---\nAnother post.\n",
    }),
  );
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** An app whose release is re-read from KV on every request, so each fault reaches the pointer too. */
function setup(kvTimeoutMs = 50) {
  const kv = faultyKv();
  // Nothing cached: these tests are about what reaches KV.
  const app = createApp({
    kvTimeoutMs,
    releases: new ReleaseCache(0, kvTimeoutMs),
    cache: { shared: null, memoryBytes: 0, bucketBytes: 0 },
  });
  const get = (path: string, headers: Record<string, string> = {}) => app.request(`http://blog.test${path}`, { headers }, kv.env);
  const log = vi.spyOn(console, "error").mockImplementation(() => {});
  return { kv, get, log };
}

const logged = (log: { mock: { calls: unknown[][] } }) => log.mock.calls.map((call) => call.map(String).join(" ")).join("\n");

describe("KV reads that throw", () => {
  it("serve the last good copy of a page seen before", async () => {
    const { kv, get } = setup();
    const good = await get(POST);
    expect(good.status).toBe(200);
    const goodBody = await good.text();
    kv.set({ kind: "throw" });
    const stale = await get(POST);
    expect(stale.status).toBe(200);
    expect(stale.headers.get(STALE_HEADER)).toBe("1");
    expect(stale.headers.get("Cache-Control")).toBe("no-store");
    expect(stale.headers.get("Content-Security-Policy")).toContain("script-src 'self'");
    expect(await stale.text()).toBe(goodBody);
  });

  it("serve the last good copy in the form the client takes", async () => {
    const { kv, get } = setup();
    const goodBody = await (await get(POST)).text();
    kv.set({ kind: "throw" });
    const stale = await get(POST, { "Accept-Encoding": "gzip" });
    expect(stale.status).toBe(200);
    expect(stale.headers.get(STALE_HEADER)).toBe("1");
    expect(stale.headers.get("Content-Encoding")).toBe("gzip");
    const body = stale.body?.pipeThrough(new DecompressionStream("gzip"));
    expect(await new Response(body).text()).toBe(goodBody);
    expect(await (await get(POST)).text()).toBe(goodBody);
  });

  it("keep each address's own copy: a search answered before never stands in for the home page", async () => {
    const { kv, get } = setup();
    const search = await get("/?s=resilient");
    expect(search.status).toBe(200);
    expect(await search.text()).toContain("Search results for");
    kv.set({ kind: "throw" });
    const home = await get("/");
    expect(home.status).toBe(503);
    expect(await home.text()).not.toContain("Search results for");
    const again = await get("/?s=resilient");
    expect(again.headers.get(STALE_HEADER)).toBe("1");
    expect(await again.text()).toContain("Search results for");
  });

  it("give a 503 page with Retry-After for a page never served, and log the reason", async () => {
    const { kv, get, log } = setup();
    kv.set({ kind: "throw" });
    const res = await get("/2024/05/other/");
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("30");
    expect(res.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    const page = await res.text();
    expect(page).toContain("<h1>Temporarily unavailable</h1>");
    expect(page).not.toMatch(/KV GET failed|at .*\.ts:\d+/);
    expect(logged(log)).toContain(`KV read of ${CURRENT_KEY} failed`);
  });
});

describe("KV reads that never answer", () => {
  it("time out into a 503 within the bound", async () => {
    const { kv, get, log } = setup(50);
    kv.set({ kind: "hang" });
    const started = Date.now();
    const res = await get("/");
    expect(res.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(logged(log)).toContain("took longer than 50 ms");
  });

  it("time out into the last good copy when there is one", async () => {
    const { kv, get } = setup(50);
    expect((await get("/")).status).toBe(200);
    kv.set({ kind: "hang" }, /:value:/);
    const res = await get("/");
    expect(res.status).toBe(200);
    expect(res.headers.get(STALE_HEADER)).toBe("1");
  });
});

/** A release pointer of the current format, with `changes` over a well-formed one. */
function pointer(changes: Record<string, unknown>): string {
  const site = { title: "t", lang: "en", nav: [] };
  return JSON.stringify({ format: 2, id: "x", seq: 1, createdAt: "", site, buckets: [], solo: {}, boundaries: [], media: "", ...changes });
}

describe("a corrupt or missing release pointer", () => {
  it.each([
    ["not JSON", "{oops"],
    [
      "a release of an older layout",
      JSON.stringify({ format: 1, id: "x", seq: 1, createdAt: "", site: {}, routes: {}, redirects: {}, ids: {} }),
    ],
    ["a release with no buckets", pointer({ buckets: [] })],
    ["buckets of the wrong shape", pointer({ buckets: ["nope"] })],
    ["a release hashed in a way this Worker does not know", pointer({ buckets: ["0123456789abcdef"], hashing: 3 })],
  ])("answers 503 and logs why when the pointer is %s", async (_name, value) => {
    const { kv, get, log } = setup();
    kv.set({ kind: "value", value }, /:current$/);
    const res = await get("/");
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("30");
    expect(logged(log)).toContain(`the release pointer ${CURRENT_KEY} is not a valid release`);
  });

  it("keeps serving the release already held when the pointer turns corrupt or vanishes", async () => {
    const { kv, get, log } = setup();
    expect((await get("/2024/05/other/")).status).toBe(200);
    kv.set({ kind: "value", value: "{oops" }, /:current$/);
    const res = await get("/2024/05/other/");
    expect(res.status).toBe(200);
    expect(res.headers.get(STALE_HEADER)).toBeNull();
    kv.set({ kind: "value", value: null }, /:current$/);
    expect((await get("/2024/05/other/")).status).toBe(200);
    expect(logged(log)).toMatch(/serving release \w+ held in memory: the release pointer/);
    expect(logged(log)).toContain("the release pointer is missing from KV");
  });
});

const feedModel = JSON.stringify({ kind: "feed", title: "t", home: "/", self: "/feed/", updated: "", items: [] });
const wrongKind = `${JSON.stringify({ k: { [POST]: [[0, "post", 0]] }, m: [[0, new TextEncoder().encode(feedModel).byteLength]] })}\n${feedModel}`;

describe("a missing or corrupt bucket in KV", () => {
  it.each([
    ["missing", null, "is missing from KV"],
    ["not a bucket", "<html>", "is not a valid bucket"],
    [
      "a bucket whose model is cut short",
      `${JSON.stringify({ k: { [POST]: [[0, "post", 0]] }, m: [[0, 500]] })}\n{"kind":"post"`,
      "is unreadable",
    ],
    ["a bucket holding the wrong kind of model", wrongKind, "is not the post model it should be"],
  ])("answers 503 when the page's bucket is %s", async (_name, value, reason) => {
    const { kv, get, log } = setup();
    kv.set({ kind: "value", value }, /:value:/);
    const res = await get(POST);
    expect(res.status).toBe(503);
    expect(logged(log)).toContain(reason);
  });
});
