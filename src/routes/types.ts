/** Types shared by the route handlers. */
import type { CachedEntry } from "../cache/cache-entry.ts";
import type { Env } from "../env.ts";
import type { Release } from "../model/release.ts";

export interface AppEnv {
  Bindings: Env;
  Variables: {
    release: Release;
    /** The request's time, epoch ms: decides which scheduled posts are out. */
    now: number;
    kvTimeoutMs: number;
    /** The cached form of the response being answered, when it has one (kept for stale-if-error). */
    cacheEntry: CachedEntry;
  };
}
