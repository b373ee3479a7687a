/**
 * The Worker's HTTP surface: which requests go where. GET and HEAD only (Hono answers HEAD from the
 * GET handler without a body); everything else is 405. Errors become status pages, never stack traces.
 */
import { Hono } from "hono";
import { type EdgeCacheOptions, edgeCache } from "./cache/edge-cache.ts";
import { CACHE_POLICY } from "./http/cache-policy.ts";
import { renderUnavailablePage } from "./render/unavailable-page.ts";
import { favicon } from "./routes/assets.ts";
import { sitePage } from "./routes/site-page.ts";
import type { AppEnv } from "./routes/types.ts";
import { StoreUnavailable } from "./store/read.ts";
import { ReleaseCache } from "./store/release-cache.ts";

export interface AppOptions {
  releases?: ReleaseCache;
  now?: () => number;
  cache?: EdgeCacheOptions;
}

/** How long an isolate trusts the release pointer it last read before asking KV again. */
export const RELEASE_TTL_MS = 5_000;

export function createApp(options: AppOptions = {}): Hono<AppEnv> {
  const releases = options.releases ?? new ReleaseCache(RELEASE_TTL_MS);
  const now = options.now ?? Date.now;
  const app = new Hono<AppEnv>();

  app.use("*", async (c, next) => {
    const method = c.req.method;
    if (method !== "GET" && method !== "HEAD") {
      return new Response("Method Not Allowed\n", {
        status: 405,
        headers: { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8", "Cache-Control": CACHE_POLICY.none },
      });
    }
    await next();
  });

  // Cached pages are answered here: middleware registered below this line runs only on a miss.
  app.use("*", edgeCache({ ...options.cache, releases, now }));

  app.get("/favicon.svg", favicon);
  app.get("/favicon.ico", favicon);

  app.get("*", async (c) => {
    const release = await releases.get(c.env.BLOG, now());
    if (release === null) return unavailable("This blog has not been published yet.", 60);
    c.set("release", release);
    return sitePage(c);
  });

  app.onError((error) => {
    if (error instanceof StoreUnavailable) {
      console.error(`store unavailable: ${error.message}`, error.cause ?? "");
      return unavailable("The blog is briefly unavailable. Please try again in a moment.", 30);
    }
    console.error("unhandled error", error);
    return new Response(renderUnavailablePage("Something went wrong on our side. Please try again later."), {
      status: 500,
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": CACHE_POLICY.none },
    });
  });

  return app;
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
