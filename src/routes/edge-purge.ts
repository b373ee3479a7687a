/**
 * Purges Cloudflare's cache in front of the Worker (Workers Cache) of a release's answers once this
 * isolate has moved to a newer release: every answer carries its release's Cache-Tag
 * (http/cache-policy.ts), so the edge stops answering with pages of the old release as soon as any
 * isolate sees the new pointer, and each isolate that served the old release purges again when it
 * moves on. Where the runtime has no Workers Cache (local development, tests) there is nothing to purge.
 */
import { releaseTag } from "../http/cache-policy.ts";

/** The part of the execution context this uses (`ctx.cache`, present where Workers Cache is). */
export interface PurgeContext {
  waitUntil(work: Promise<unknown>): void;
  cache?: { purge(options: { tags: string[] }): Promise<unknown> };
}

export class EdgePurge {
  #seen: string | null = null;

  /** Called with the release a request is answered from; `context` is asked for only when it moved. */
  moveTo(releaseId: string, context: () => PurgeContext | null): void {
    const previous = this.#seen;
    this.#seen = releaseId;
    if (previous === null || previous === releaseId) return;
    const ctx = context();
    if (ctx?.cache === undefined) return;
    ctx.waitUntil(
      ctx.cache.purge({ tags: [releaseTag(previous)] }).catch((error: unknown) => {
        console.error(`purging the edge cache of release ${previous} failed`, error);
      }),
    );
  }
}
