import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { CACHE_POLICY } from "../../src/http/cache-policy.ts";
import type { SharedCache } from "../../src/render-cache/data-centre-cache.ts";
import { createApp, RELEASE_TTL_MS } from "../../src/routes/router.ts";
import { CURRENT_KEY } from "../../src/store/keys.ts";
import { type CountingKv, countingKv } from "./helpers/counting-kv.ts";
import { contentOf, publish } from "./helpers/site.ts";

const POST = "/2024/05/first-light/";

function site(title: string, extra: Record<string, string> = {}) {
  return contentOf({
    "posts/2024-05-01-first-light.md": `---\ntitle: ${title}\ndate: 2024-05-01T10:00:00Z\npermalink: ${POST}\n---\nSome *text* for ${title}.\n`,
    "posts/2024-06-01-second.md": "---\ntitle: Second\ndate: 2024-06-01T10:00:00Z\n---\nMore.\n",
    ...extra,
  });
}

interface Harness {
  counting: CountingKv;
  shared: SharedCache;
  clock: { at: number };
  get(path: string, init?: RequestInit): Promise<Response>;
  /** Another isolate: its own memory and pointer cache, the same data centre cache and KV. */
  isolate(options?: { memoryBytes?: number }): (path: string, init?: RequestInit) => Promise<Response>;
}

async function harness(options: { memoryBytes?: number } = {}): Promise<Harness> {
  const counting = countingKv(env.BLOG);
  // A cache of its own per test, so no test sees another's entries.
  const shared = await caches.open(`render-cache-test-${crypto.randomUUID()}`);
  const clock = { at: 1_000_000 };
  const isolate = (opts: { memoryBytes?: number } = options) => {
    const app = createApp({ now: () => clock.at, cache: { ...opts, shared } });
    return async (path: string, init: RequestInit = {}) => app.request(`http://blog.test${path}`, init, { BLOG: counting.kv });
  };
  return { counting, shared, clock, get: isolate(), isolate };
}

let h: Harness;
beforeEach(async () => {
  h = await harness();
});

describe("KV reads", () => {
  it("reads the pointer and one bucket for a cold post page, nothing more, and well under 1 MiB", async () => {
    await publish(site("Cold"));
    const res = await h.get(POST);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Some <em>text</em> for Cold.");
    expect(h.counting.reads.length).toBeLessThanOrEqual(2);
    expect(h.counting.reads[0]).toBe(CURRENT_KEY);
    expect(h.counting.blobReads()).toBe(1);
    expect(h.counting.bytes()).toBeLessThan(1024 * 1024);
  });

  it("finds a path's slashless and redirected forms in the same read", async () => {
    await publish(site("Forms"));
    const moved = await h.isolate({ memoryBytes: 0 })(POST.slice(0, -1), { redirect: "manual" });
    expect(moved.status).toBe(301);
    expect(h.counting.blobReads()).toBe(1);
  });

  it("reads nothing for a warm request, and only the pointer once the isolate rechecks it", async () => {
    await publish(site("Warm"));
    await (await h.get(POST)).text();
    await (await h.get("/")).text();
    await (await h.get("/feed/")).text();
    h.counting.reset();

    for (const path of [POST, "/", "/feed/"]) expect((await h.get(path)).status).toBe(200);
    expect(h.counting.reads).toEqual([]);

    h.clock.at += RELEASE_TTL_MS + 1;
    for (const path of [POST, "/", "/feed/"]) expect((await h.get(path)).status).toBe(200);
    expect(h.counting.reads).toEqual([CURRENT_KEY]);
  });

  it("serves a new isolate from the data centre cache without reading any page model", async () => {
    await publish(site("Shared"));
    const first = await (await h.get(POST)).text();
    h.counting.reset();

    const fresh = h.isolate();
    const res = await fresh(POST);
    expect(await res.text()).toBe(first);
    expect(h.counting.reads).toEqual([CURRENT_KEY]);
  });

  it("keeps serving from the data centre cache when the isolate keeps nothing", async () => {
    await publish(site("No memory"));
    const get = h.isolate({ memoryBytes: 0 });
    const first = await (await get(POST)).text();
    h.counting.reset();
    expect(await (await get(POST)).text()).toBe(first);
    expect(h.counting.blobReads()).toBe(0);
  });
});

describe("publishing", () => {
  it("serves the new release once the pointer changes, with no purge", async () => {
    await publish(site("Before"));
    expect(await (await h.get(POST)).text()).toContain("for Before.");

    await publish(site("After"));
    // Within the pointer's few seconds in the isolate the old release is still current here.
    expect(await (await h.get(POST)).text()).toContain("for Before.");
    h.clock.at += RELEASE_TTL_MS + 1;
    const after = await h.get(POST);
    expect(await after.text()).toContain("for After.");
    expect(h.counting.blobReads()).toBe(2);
  });

  it("in local preview (EDGEPRESS_PREVIEW, set only by `npm run dev`) serves a new release on the next request", async () => {
    const preview = createApp({ now: () => h.clock.at, cache: { shared: h.shared } });
    const get = async (path: string) => preview.request(`http://blog.test${path}`, {}, { BLOG: h.counting.kv, EDGEPRESS_PREVIEW: "1" });
    await publish(site("Saved once"));
    expect(await (await get(POST)).text()).toContain("for Saved once.");
    await publish(site("Saved twice"));
    expect(await (await get(POST)).text()).toContain("for Saved twice.");
  });

  it("never serves an older release's entry after a newer pointer was seen", async () => {
    await publish(site("Old"));
    const oldPointer = await env.BLOG.get(CURRENT_KEY, "text");
    expect(await (await h.get(POST)).text()).toContain("for Old.");
    await publish(site("New"));
    h.clock.at += RELEASE_TTL_MS + 1;
    expect(await (await h.get(POST)).text()).toContain("for New.");

    // KV's eventual consistency hands this isolate, and a new one, the old pointer again.
    h.counting.pinPointer(oldPointer);
    h.clock.at += RELEASE_TTL_MS + 1;
    expect(await (await h.get(POST)).text()).toContain("for New.");
    const home = await (await h.get("/")).text();
    expect(home).toContain("for New.");
    expect(home).not.toContain("for Old.");
    expect(h.counting.reads.filter((key) => key === CURRENT_KEY).length).toBeGreaterThanOrEqual(3);
  });
});

describe("deploys", () => {
  it("keeps each deployed version's renders apart, in memory and in the data centre cache", async () => {
    await publish(site("Versions"));
    const deployed = (id: string) => ({ BLOG: h.counting.kv, CF_VERSION_METADATA: { id, tag: "", timestamp: "" } });
    const isolate = () => createApp({ now: () => h.clock.at, cache: { shared: h.shared, memoryBytes: 0 } });
    const get = (id: string) => isolate().request(`http://blog.test${POST}`, {}, deployed(id));

    expect((await get("version-1")).status).toBe(200);
    expect(h.counting.blobReads()).toBe(1);
    h.counting.reset();
    expect((await get("version-1")).status).toBe(200);
    expect(h.counting.blobReads()).toBe(0);
    // New code: rendered again, never the old code's page.
    expect((await get("version-2")).status).toBe(200);
    expect(h.counting.blobReads()).toBe(1);
  });
});

describe("responses from cache", () => {
  it("answers If-None-Match with 304 from the isolate and from the data centre cache", async () => {
    await publish(site("Validators"));
    const full = await h.get(POST);
    const etag = full.headers.get("ETag");
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    h.counting.reset();

    const fromMemory = await h.get(POST, { headers: { "If-None-Match": etag ?? "" } });
    expect(fromMemory.status).toBe(304);
    expect(fromMemory.headers.get("ETag")).toBe(etag);
    expect(fromMemory.headers.get("Cache-Control")).toBe(CACHE_POLICY.page);
    expect(await fromMemory.text()).toBe("");

    const fromShared = await h.isolate({ memoryBytes: 0 })(POST, { headers: { "If-None-Match": `W/${etag}` } });
    expect(fromShared.status).toBe(304);
    expect(h.counting.blobReads()).toBe(0);

    const changed = await h.get(POST, { headers: { "If-None-Match": '"something-else"' } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("ETag")).toBe(etag);
  });

  it("answers a conditional request on a miss with 304 and still keeps the full page", async () => {
    await publish(site("Conditional miss"));
    const etag = (await h.get(POST)).headers.get("ETag") ?? "";
    const other = await harness({ memoryBytes: 0 });
    const conditional = await other.get(POST, { headers: { "If-None-Match": etag } });
    expect(conditional.status).toBe(304);
    other.counting.reset();
    const full = await other.get(POST);
    expect(full.status).toBe(200);
    expect(await full.text()).toContain("for Conditional miss.");
    expect(other.counting.blobReads()).toBe(0);
  });

  it("answers HEAD from cache with the headers and no body", async () => {
    await publish(site("Head"));
    const get = await (await h.get(POST)).text();
    h.counting.reset();
    const head = await h.get(POST, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(await head.text()).toBe("");
    expect(get.length).toBeGreaterThan(0);
    expect(h.counting.reads).toEqual([]);
  });

  it("keeps 404s and redirects with their own policies", async () => {
    await publish(site("Statuses"));
    for (let round = 0; round < 2; round++) {
      const missing = await h.isolate({ memoryBytes: 0 })("/no/such/page/");
      expect(missing.status).toBe(404);
      expect(missing.headers.get("Cache-Control")).toBe(CACHE_POLICY.notFound);
      expect(await missing.text()).toContain("Page not found");

      const moved = await h.isolate({ memoryBytes: 0 })(POST.slice(0, -1), { redirect: "manual" });
      expect(moved.status).toBe(301);
      expect(moved.headers.get("Location")).toBe(POST);
      expect(moved.headers.get("Cache-Control")).toBe(CACHE_POLICY.redirect);
    }
    expect(await h.shared.match(new Request(`http://blog.test${POST}`))).toBeUndefined();
  });

  it("keeps pages apart by host when links follow the host", async () => {
    await publish(site("Hosts"));
    const app = createApp({ cache: { shared: h.shared } });
    const a = await (await app.request("http://a.example/", {}, env)).text();
    const b = await (await app.request("http://b.example/", {}, env)).text();
    expect(a).toContain("http://a.example/");
    expect(b).toContain("http://b.example/");
    expect(b).not.toContain("http://a.example/");
  });

  it("never keeps an error", async () => {
    await publish(site("Errors"));
    const failing = countingKv(env.BLOG);
    const kv = {
      get: (key: string, type: "text") => (key === CURRENT_KEY ? failing.kv.get(key, type) : Promise.reject(new Error("KV down"))),
    } as unknown as KVNamespace;
    const app = createApp({ cache: { shared: h.shared } });
    expect((await app.request(`http://blog.test${POST}`, {}, { BLOG: kv })).status).toBe(503);
    const recovered = await app.request(`http://blog.test${POST}`, {}, env);
    expect(recovered.status).toBe(200);
  });
});

async function gunzip(response: Response): Promise<string> {
  const body = response.body;
  if (body === null) throw new Error("no body");
  return new Response(body.pipeThrough(new DecompressionStream("gzip"))).text();
}

describe("compressed answers", () => {
  const GZIP = { "Accept-Encoding": "gzip, deflate, br" };

  it("sends the stored gzip form to a client that takes gzip, and the same page plain to one that does not", async () => {
    await publish(site("Compressed"));
    const plain = await h.get(POST);
    const plainBody = await plain.text();
    expect(plain.headers.get("Content-Encoding")).toBeNull();
    expect(plain.headers.get("Vary")).toBe("Accept-Encoding");

    for (const get of [h.get, h.get, h.isolate({ memoryBytes: 0 })]) {
      const packed = await get(POST, { headers: GZIP });
      expect(packed.status).toBe(200);
      expect(packed.headers.get("Content-Encoding")).toBe("gzip");
      expect(packed.headers.get("Vary")).toBe("Accept-Encoding");
      // Another representation, so another strong validator.
      expect(packed.headers.get("ETag")).toBe(`${plain.headers.get("ETag")?.slice(0, -1)}-gzip"`);
      expect(await gunzip(packed)).toBe(plainBody);
    }
  });

  it("decides by the request's own Accept-Encoding: none means plain, and Cloudflare's front line does the rest", async () => {
    await publish(site("Identity"));
    const none = await h.get(POST);
    expect(none.headers.get("Content-Encoding")).toBeNull();
    expect(await none.text()).toContain("for Identity.");
    // On Cloudflare the Worker sees the front line's "br, gzip" whatever the reader's client sent
    // (cf.clientAcceptEncoding); the front line decompresses for a client that takes no gzip, so the
    // Worker answers the header it sees and never reads request.cf.
    const behindCloudflare = await h.get(POST, {
      headers: { "Accept-Encoding": "br, gzip" },
      cf: { clientAcceptEncoding: "" },
    } as RequestInit);
    expect(behindCloudflare.headers.get("Content-Encoding")).toBe("gzip");
    expect(await gunzip(behindCloudflare)).toContain("for Identity.");
  });

  it("follows the weights of Accept-Encoding", async () => {
    await publish(site("Weights"));
    for (const [accept, encoded] of [
      ["gzip;q=0, br", false],
      ["identity", false],
      ["br;q=1, gzip;q=0.5", true],
      ["*", true],
      ["*, gzip;q=0", false],
      ["x-gzip", true],
    ] as const) {
      const res = await h.get(POST, { headers: { "Accept-Encoding": accept } });
      expect([accept, res.headers.get("Content-Encoding")]).toEqual([accept, encoded ? "gzip" : null]);
      expect(await (encoded ? gunzip(res) : res.text())).toContain("for Weights.");
    }
  });

  it("answers either form's ETag with 304, naming the form the client would get", async () => {
    await publish(site("Either"));
    const plainTag = (await h.get(POST)).headers.get("ETag") ?? "";
    const gzipTag = (await h.get(POST, { headers: GZIP })).headers.get("ETag") ?? "";
    expect(gzipTag).not.toBe(plainTag);
    for (const tag of [plainTag, gzipTag]) {
      const packed = await h.get(POST, { headers: { ...GZIP, "If-None-Match": tag } });
      expect([tag, packed.status, packed.headers.get("ETag")]).toEqual([tag, 304, gzipTag]);
      const plain = await h.get(POST, { headers: { "If-None-Match": tag } });
      expect([tag, plain.status, plain.headers.get("ETag")]).toEqual([tag, 304, plainTag]);
    }
  });

  it("leaves small bodies and redirects plain", async () => {
    await publish(site("Small"));
    const moved = await h.get(POST.slice(0, -1), { headers: GZIP, redirect: "manual" });
    expect(moved.status).toBe(301);
    expect(moved.headers.get("Content-Encoding")).toBeNull();
    const robots = await h.get("/robots.txt", { headers: GZIP });
    expect(robots.status).toBe(200);
    expect(robots.headers.get("Content-Encoding")).toBeNull();
    expect(await robots.text()).toContain("Sitemap:");
  });
});
