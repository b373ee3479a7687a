/**
 * A release: everything one publish made servable. The Worker reads the live one from a single small
 * KV key (the pointer), so switching releases is one write; every value it names is immutable.
 *
 * Every address the site answers (a path, a search shard, a WordPress id) is a key. Keys are grouped
 * into buckets by a hash of their address (see store/bucket-key.ts); each bucket is one KV value that
 * holds, for each of its keys, the key's answers over time and the page models behind them. So a
 * request reads the pointer (kept in the isolate) and one bucket, and a publish writes one value per
 * bucket that changed: a few dozen for a whole blog, a handful for an edit.
 */
import type { SiteConfig } from "./site.ts";

/** How a page is rendered. */
export type View = "post" | "list" | "rss" | "atom" | "json" | "sitemap";

/**
 * One of a key's answers, valid from `from` (epoch ms; 0 for "from the start") until the next one:
 * a page (its view and the index of its model in the bucket), a search value, a permanent redirect to
 * a path, or nothing (the key answers 404 from then on).
 */
export type Answer =
  | readonly [from: number, kind: View | "search" | "theme", model: number]
  | readonly [from: number, kind: "redirect", to: string]
  | readonly [from: number, kind: "gone"];

export interface Release {
  format: 2;
  /** Content hash of what the release serves: republishing the same content gives the same id. */
  id: string;
  /** Publish counter, increasing; lets an isolate ignore an older pointer that KV still serves. */
  seq: number;
  createdAt: string;
  site: SiteConfig;
  /** Value hash of each bucket; a key lives in bucket `bucketOf(key, buckets.length, hashing)`. */
  buckets: string[];
  /**
   * How keys were hashed to buckets (store/bucket-key.ts): 2 puts each feed with its list; absent
   * (1) in releases made before, which are still read, served and rolled back to as they were packed.
   */
  hashing?: 2;
  /**
   * Keys whose answers are too large to share a bucket, each with its own value (a bucket of one):
   * listed here so a request for one still reads a single value.
   */
  solo: Record<string, string>;
  /** Epoch ms at which some answer changes (a scheduled post comes out), ascending. */
  boundaries: number[];
  /**
   * Digest of the media files (images and other files) published beside the release as the
   * Worker's static assets: a publish to the real namespace compares it to know a deploy is needed.
   */
  media: string;
  /**
   * A local preview's release (`npm run dev -- --drafts` or `--future`): it serves drafts or posts
   * before their date, so no command ever publishes it, backs it up into or rolls it back onto a deployed site.
   */
  preview?: true;
}

export const RELEASE_FORMAT = 2;

/** Every value a release names: what must stay stored while it is live or kept for rollback. */
export function valuesOf(release: Release): string[] {
  return [...release.buckets, ...Object.values(release.solo)];
}
