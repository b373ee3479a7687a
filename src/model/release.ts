/**
 * A release: everything one publish made servable. The Worker reads the live one from a single KV key,
 * so switching releases is one write, and every path it routes to names an immutable blob.
 */
import type { SiteConfig } from "./site.ts";

/** How a path is rendered. */
export type View = "post" | "list" | "rss" | "atom" | "json" | "file" | "sitemap";

/** `[view, blob hash]`: a tuple keeps the route table, read on cold requests, small. */
export type Route = readonly [view: View, blob: string];

/** From `validFrom` (epoch ms) on, the key answers with this route instead of what came before. */
export type Variant = readonly [validFrom: number, view: View | "search", blob: string];

export interface Release {
  format: 1;
  /** Content hash of what the release serves: republishing the same content gives the same id. */
  id: string;
  /** Publish counter, increasing; lets an isolate ignore an older pointer that KV still serves. */
  seq: number;
  createdAt: string;
  site: SiteConfig;
  /** What each path serves at publish time. */
  routes: Record<string, Route>;
  /** Old path → canonical path, answered with 301. */
  redirects: Record<string, string>;
  /** WordPress ids (`post:278`, `category:3`, …) → path, for `/?p=ID` and the like (see wordpress-ids.ts). */
  ids: Record<string, string>;
  /** Search index: shard key (a term's first letters) → blob hash of that shard, or of a chunk of documents (`#n`). */
  search?: Record<string, string>;
  /**
   * Scheduled posts: the keys (paths, or `search:<shard>`) whose answer changes once a future post's
   * date passes, each with its later routes, oldest first. Only keys that change are listed.
   */
  later?: Record<string, Variant[]>;
  /** Epoch ms at which some answer changes, ascending; no cache may keep a response past the next one. */
  boundaries?: number[];
}

export const RELEASE_FORMAT = 1;

/** Key under which a search shard's variants are listed in `later`. */
export function searchKey(shard: string): string {
  return `search:${shard}`;
}

/** Every blob hash a release can serve, now or once its scheduled posts are out: what must be kept stored. */
export function blobsOf(release: Release): string[] {
  return [
    ...Object.values(release.routes).map(([, hash]) => hash),
    ...Object.values(release.search ?? {}),
    ...Object.values(release.later ?? {}).flatMap((variants) => variants.map(([, , hash]) => hash)),
  ];
}
