/**
 * Serves rendered pages and feeds from cache: first the isolate's memory, then the data centre's
 * Cache API, and only then the renderer (which reads the page model from KV). Keys carry the
 * release id, so a publish needs no purge and an isolate never goes back to an older release.
 */
import type { Context, MiddlewareHandler } from "hono";
import { requestUrl } from "../http/request-url.ts";
import type { AppEnv } from "../routes/types.ts";
import type { ReleaseCache } from "../store/release-cache.ts";
import { answerConditions, type CachedEntry, fromEntry, isCacheable, toEntry } from "./cache-entry.ts";
import { cacheKey } from "./cache-key.ts";
import { MemoryCache } from "./memory-cache.ts";
import { readShared, type SharedCache, writeShared } from "./shared-cache.ts";

export interface EdgeCacheOptions {
  /** Bytes of rendered responses one isolate keeps (0 turns the memory level off). */
  memoryBytes?: number;
  /** The data centre's cache; `caches.default` when left out, none where the runtime has no Cache API. */
  shared?: SharedCache | null;
}

interface EdgeCacheDeps extends EdgeCacheOptions {
  releases: ReleaseCache;
  now: () => number;
}

/**
 * An isolate has 128 MB; a quarter of that for pages leaves the rest for the release, the renderer
 * and requests in flight, and holds about 1,500 typical pages (15 KB of HTML and its gzip form each).
 */
export const DEFAULT_MEMORY_BYTES = 32 * 1024 * 1024;

export function edgeCache(deps: EdgeCacheDeps): MiddlewareHandler<AppEnv> {
  const memory = new MemoryCache(deps.memoryBytes ?? DEFAULT_MEMORY_BYTES);
  const shared = deps.shared === undefined ? defaultSharedCache() : deps.shared;

  return async (c, next) => {
    const now = deps.now();
    const release = await deps.releases.get(c.env.BLOG, now);
    if (release === null) return next();
    const url = requestUrl(c.req.url);
    const codeVersion = c.env.CF_VERSION_METADATA?.id;
    const key = cacheKey(release, url, now, codeVersion);

    const remembered = memory.get(key);
    if (remembered !== undefined) return answer(c, remembered);
    if (shared !== null) {
      const stored = await readShared(shared, key, release.id).catch(logCacheError);
      if (stored) {
        memory.set(key, stored);
        return answer(c, stored);
      }
    }

    // Render the full response even for a conditional request, so it can be kept; the conditions
    // are applied to the kept entry below, exactly as they would be on a hit.
    const original = c.req.raw;
    const plain = unconditional(original);
    c.req.raw = plain;
    await next();
    c.req.raw = original;
    // The handler may have picked up a newer release than the one looked up above: file the
    // response under the release it was rendered from, never under another.
    const rendered = c.get("release");
    if (rendered === undefined || !isCacheable(c.res)) {
      if (plain !== original) c.res = answerConditions(original, c.res);
      return;
    }
    const entry = await toEntry(rendered.id, c.res);
    const renderedKey = cacheKey(rendered, url, c.get("now") ?? now, codeVersion);
    memory.set(renderedKey, entry);
    if (shared !== null) await later(c, writeShared(shared, renderedKey, entry).catch(logCacheError));
    // Cleared first: assigning over a response Hono already holds would copy its headers (the plain
    // form's ETag among them) onto this one.
    c.res = undefined;
    c.res = answer(c, entry);
  };
}

function answer(c: Context<AppEnv>, entry: CachedEntry): Response {
  c.set("cacheEntry", entry);
  return fromEntry(c.req.raw, entry);
}

function defaultSharedCache(): SharedCache | null {
  return typeof caches === "undefined" ? null : caches.default;
}

const CONDITIONAL_HEADERS = ["If-None-Match", "If-Modified-Since", "If-Match", "If-Unmodified-Since", "If-Range"];

function unconditional(request: Request): Request {
  if (!CONDITIONAL_HEADERS.some((name) => request.headers.has(name))) return request;
  const headers = new Headers(request.headers);
  for (const name of CONDITIONAL_HEADERS) headers.delete(name);
  return new Request(request, { headers });
}

/**
 * Storing in the shared cache must not hold up the response when the runtime can wait for it;
 * without an execution context (app.request in tests) it is awaited, so the outcome is observable.
 */
async function later(c: Context<AppEnv>, work: Promise<unknown>): Promise<void> {
  let ctx: { waitUntil(work: Promise<unknown>): void };
  try {
    ctx = c.executionCtx;
  } catch {
    await work;
    return;
  }
  ctx.waitUntil(work);
}

/** A cache that fails is a miss, never an error page: the renderer can still answer. */
function logCacheError(error: unknown): null {
  console.error("edge cache unavailable", error);
  return null;
}

export type { CachedEntry };
