/**
 * The Worker's cache of rendered answers, in two levels: the isolate's memory, then the data
 * centre's Cache API. Keys carry the release id (see cache-key.ts), so a publish needs no purge and
 * an isolate never goes back to an older release. Only the router uses it: look up, and on a miss
 * keep what the route rendered.
 */
import type { ResponseEntry } from "../http/response-entry.ts";
import { readShared, type SharedCache, writeShared } from "./data-centre-cache.ts";
import { IsolateCache } from "./isolate-cache.ts";
import { MEMORY_BUDGET } from "./memory-budget.ts";

export interface RenderCacheOptions {
  /** Bytes of rendered responses one isolate keeps (0 turns the memory level off). */
  memoryBytes?: number;
  /** The data centre's cache; `caches.default` when left out, none where the runtime has no Cache API. */
  shared?: SharedCache | null;
  /** Bytes of buckets read from KV one isolate keeps (0 keeps none). */
  bucketBytes?: number;
}

/** Lets a write to the shared cache finish after the answer is sent (`ctx.waitUntil`), where the runtime can. */
export type Later = (work: Promise<unknown>) => Promise<void>;

export class RenderCache {
  readonly memory: IsolateCache;
  readonly #shared: SharedCache | null;

  constructor(options: RenderCacheOptions = {}) {
    this.memory = new IsolateCache(options.memoryBytes ?? MEMORY_BUDGET.renderCache);
    this.#shared = options.shared === undefined ? defaultSharedCache() : options.shared;
  }

  async get(key: string, release: string): Promise<ResponseEntry | null> {
    const remembered = this.memory.get(key);
    if (remembered !== undefined) return remembered;
    if (this.#shared === null) return null;
    const stored = await readShared(this.#shared, key, release).catch(logCacheError);
    if (stored) this.memory.set(key, stored);
    return stored;
  }

  async put(key: string, entry: ResponseEntry, later: Later): Promise<void> {
    this.memory.set(key, entry);
    if (this.#shared !== null) await later(writeShared(this.#shared, key, entry).catch(logCacheError));
  }
}

function defaultSharedCache(): SharedCache | null {
  return typeof caches === "undefined" ? null : caches.default;
}

/** A cache that fails is a miss, never an error page: the renderer can still answer. */
function logCacheError(error: unknown): null {
  console.error("render cache unavailable", error);
  return null;
}
