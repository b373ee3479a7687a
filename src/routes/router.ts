/**
 * The Worker's HTTP surface: which requests go where. GET and HEAD only (Hono answers HEAD from the
 * GET handler without a body); everything else is 405. A request is answered from the render cache
 * when it can be, else the route for its path renders a reply, which is kept and answered from the
 * same entry. Errors become status pages, never stack traces: when KV fails, the last good copy of
 * the page if this isolate has one, else a 503 with Retry-After.
 */
import { type Context, Hono } from "hono";
import type { Env } from "../env.ts";
import { answer } from "../http/answer.ts";
import { HTML, type Reply } from "../http/reply.ts";
import { requestUrl } from "../http/request-url.ts";
import { entryFor, isCacheable, type ResponseEntry } from "../http/response-entry.ts";
import { PREVIEW_PATH_PREFIX } from "../model/preview.ts";
import { renderUnavailablePage } from "../render/unavailable-page.ts";
import { cacheKey } from "../render-cache/cache-key.ts";
import { type FallbackStore, LastGoodResponses } from "../render-cache/last-good.ts";
import { MEMORY_BUDGET } from "../render-cache/memory-budget.ts";
import { type Later, RenderCache, type RenderCacheOptions } from "../render-cache/render-cache.ts";
import { BucketCache } from "../store/bucket-cache.ts";
import { KV_READ_TIMEOUT_MS, StoreUnavailable } from "../store/read.ts";
import { ReleaseCache } from "../store/release-cache.ts";
import { siteReader } from "../store/site-reader.ts";
import { EdgePurge, type PurgeContext } from "./edge-purge.ts";
import { FAVICON_PATHS, faviconReply } from "./favicon.ts";
import { PREVIEW_HEADERS, previewReply } from "./preview.ts";
import { siteReply } from "./site-routes.ts";

export interface AppOptions {
  releases?: ReleaseCache;
  now?: () => number;
  /** How long a KV read may take before it counts as failed. */
  kvTimeoutMs?: number;
  /** Where good responses are kept to answer with when KV fails (stale-if-error). */
  fallback?: FallbackStore;
  cache?: RenderCacheOptions;
}

type AppEnv = { Bindings: Env };

/** How long an isolate trusts the release pointer it last read before asking KV again. */
export const RELEASE_TTL_MS = 5_000;

export function createApp(options: AppOptions = {}): Hono<AppEnv> {
  const kvTimeoutMs = options.kvTimeoutMs ?? KV_READ_TIMEOUT_MS;
  const releases = options.releases ?? new ReleaseCache(RELEASE_TTL_MS, kvTimeoutMs);
  const fallback = options.fallback ?? new LastGoodResponses();
  const cache = new RenderCache(options.cache);
  const buckets = new BucketCache(options.cache?.bucketBytes ?? MEMORY_BUDGET.buckets);
  const edge = new EdgePurge();
  const now = options.now ?? Date.now;
  // Answers that need no release are made once per isolate.
  let favicon: Promise<ResponseEntry> | null = null;
  const app = new Hono<AppEnv>();

  for (const path of FAVICON_PATHS) {
    app.get(path, async (c) => {
      favicon ??= entryFor(faviconReply, null, now());
      return answer(c.req.raw, await favicon);
    });
  }

  // Shared drafts: outside the release and every cache, so a revoke or an expiry takes effect at once.
  app.get(`${PREVIEW_PATH_PREFIX}*`, async (c) => {
    const at = now();
    const url = new URL(c.req.url);
    const release = await releases.get(c.env.BLOG, at);
    const site = release === null ? null : siteReader(c.env.BLOG, release, at, kvTimeoutMs, buckets);
    const reply = await previewReply({ url, kv: c.env.BLOG, now: at, timeoutMs: kvTimeoutMs, site });
    return answer(c.req.raw, await entryFor(reply, null, at), PREVIEW_HEADERS);
  });

  app.get("*", async (c) => {
    const at = now();
    const release = await releases.get(c.env.BLOG, at, c.env.EDGEPRESS_PREVIEW === "1");
    if (release === null) return answer(c.req.raw, await entryFor(unavailable("This blog has not been published yet.", 60), null, at));
    edge.moveTo(release.id, () => executionContext(c));
    const url = requestUrl(c.req.url);
    const key = cacheKey(release, url, at, c.env.CF_VERSION_METADATA?.id);
    let entry = await cache.get(key, release.id);
    if (entry === null) {
      const reply = await siteReply({ url: new URL(c.req.url), site: siteReader(c.env.BLOG, release, at, kvTimeoutMs, buckets) });
      entry = await entryFor(reply, release.id, at);
      if (isCacheable(entry)) await cache.put(key, entry, later(c));
    }
    if (entry.status === 200) fallback.remember(url.pathname + url.search, entry);
    return answer(c.req.raw, entry);
  });

  app.all("*", async (c) => {
    const reply: Reply = { status: 405, type: "text/plain; charset=utf-8", body: "Method Not Allowed\n", policy: "none" };
    return withAllow(answer(c.req.raw, await entryFor(reply, null, now())));
  });

  app.onError(async (error, c) => {
    const reason = error instanceof StoreUnavailable ? `store unavailable: ${error.message}` : "unhandled error";
    console.error(`${c.req.method} ${c.req.path}: ${reason}`, error instanceof StoreUnavailable ? (error.cause ?? "") : error);
    const url = requestUrl(c.req.url);
    const stale = fallback.recall(url.pathname + url.search, c.req.raw);
    if (stale) return stale;
    const reply =
      error instanceof StoreUnavailable
        ? unavailable("The blog is briefly unavailable. Please try again in a moment.", 30)
        : { ...unavailable("Something went wrong on our side. Please try again later.", 0), status: 500 };
    return answer(c.req.raw, await entryFor(reply, null, now()));
  });

  return app;
}

function unavailable(message: string, retryAfterSeconds: number): Reply {
  const reply: Reply = { status: 503, type: HTML, body: renderUnavailablePage(message), policy: "none" };
  if (retryAfterSeconds > 0) reply.retryAfter = retryAfterSeconds;
  return reply;
}

/** RFC 9110 §15.5.6: a 405 names the methods that are allowed. */
function withAllow(response: Response): Response {
  response.headers.set("Allow", "GET, HEAD");
  return response;
}

/** The request's execution context, or null where there is none (app.request in tests). */
function executionContext(c: Context<AppEnv>): PurgeContext | null {
  try {
    return c.executionCtx as PurgeContext;
  } catch {
    return null;
  }
}

/**
 * Storing in the shared cache must not hold up the response when the runtime can wait for it;
 * without an execution context it is awaited, so the outcome is observable.
 */
function later(c: Context<AppEnv>): Later {
  return async (work) => {
    const ctx = executionContext(c);
    if (ctx === null) await work;
    else ctx.waitUntil(work);
  };
}
