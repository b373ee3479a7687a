/**
 * The Worker's HTTP surface: which requests go where. GET and HEAD only (Hono answers HEAD from the
 * GET handler without a body); everything else is 405. Errors become status pages, never stack traces:
 * when KV fails, the last good copy of the page if this isolate has one, else a 503 with Retry-After.
 */
import { type Context, Hono } from "hono";
import { type EdgeCacheOptions, edgeCache } from "./cache/edge-cache.ts";
import { CACHE_POLICY } from "./http/cache-policy.ts";
import { type FallbackStore, LastGoodResponses } from "./http/last-good.ts";
import { requestUrl } from "./http/request-url.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { renderUnavailablePage } from "./render/unavailable-page.ts";
import { favicon } from "./routes/assets.ts";
import { sitePage } from "./routes/site-page.ts";
import type { AppEnv } from "./routes/types.ts";
import { KV_READ_TIMEOUT_MS, StoreUnavailable } from "./store/read.ts";
import { ReleaseCache } from "./store/release-cache.ts";

export interface AppOptions {
  releases?: ReleaseCache;
  now?: () => number;
  /** How long a KV read may take before it counts as failed. */
  kvTimeoutMs?: number;
  /** Where good responses are kept to answer with when KV fails (stale-if-error). */
  fallback?: FallbackStore;
  cache?: EdgeCacheOptions;
}

/** How long an isolate trusts the release pointer it last read before asking KV again. */
export const RELEASE_TTL_MS = 5_000;

export function createApp(options: AppOptions = {}): Hono<AppEnv> {
  const kvTimeoutMs = options.kvTimeoutMs ?? KV_READ_TIMEOUT_MS;
  const releases = options.releases ?? new ReleaseCache(RELEASE_TTL_MS, kvTimeoutMs);
  const fallback = options.fallback ?? new LastGoodResponses();
  const now = options.now ?? Date.now;
  const app = new Hono<AppEnv>();

  app.use("*", securityHeaders());

  app.use("*", async (c, next) => {
    const method = c.req.method;
    if (method !== "GET" && method !== "HEAD") {
      return new Response("Method Not Allowed\n", {
        status: 405,
        headers: { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8", "Cache-Control": CACHE_POLICY.none },
      });
    }
    c.set("kvTimeoutMs", kvTimeoutMs);
    await next();
    const entry = c.get("cacheEntry");
    if (method === "GET" && entry !== undefined && entry.status === 200) fallback.remember(fallbackKey(c), entry);
  });

  // Cached pages are answered here: middleware registered below this line runs only on a miss.
  app.use("*", edgeCache({ ...options.cache, releases, now }));

  app.get("/favicon.svg", favicon);
  app.get("/favicon.ico", favicon);

  app.get("*", async (c) => {
    const at = now();
    const release = await releases.get(c.env.BLOG, at);
    if (release === null) return unavailable("This blog has not been published yet.", 60);
    c.set("release", release);
    c.set("now", at);
    return sitePage(c);
  });

  app.onError((error, c) => {
    const reason = error instanceof StoreUnavailable ? `store unavailable: ${error.message}` : "unhandled error";
    console.error(`${c.req.method} ${c.req.path}: ${reason}`, error instanceof StoreUnavailable ? (error.cause ?? "") : error);
    const stale = fallback.recall(fallbackKey(c), c.req.raw);
    if (stale) return stale;
    if (error instanceof StoreUnavailable) {
      return unavailable("The blog is briefly unavailable. Please try again in a moment.", 30);
    }
    return new Response(renderUnavailablePage("Something went wrong on our side. Please try again later."), {
      status: 500,
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": CACHE_POLICY.none },
    });
  });

  return app;
}

/** Pages differ by path only (the query string selects nothing but `?p=` redirects). */
function fallbackKey(c: Context<AppEnv>): string {
  return requestUrl(c.req.url).pathname;
}

function unavailable(message: string, retryAfterSeconds: number): Response {
  return new Response(renderUnavailablePage(message), {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": CACHE_POLICY.none,
      "Retry-After": String(retryAfterSeconds),
    },
  });
}
