/**
 * Which bucket a key lives in. The Worker computes this for every request it cannot answer from
 * cache, so it is a small, fast hash (FNV-1a, 32 bits) of the key, the same in Node and workerd.
 *
 * Paths are hashed without a trailing slash or `.html`: `/about`, `/about/` and `/about.html` share
 * a bucket, so the one read that finds the path missing also finds the form it should redirect to.
 *
 * Since hashing 2, a feed is hashed as the list it follows (`/tag/x/feed/` as `/tag/x/`, `/feed/atom/`
 * and `/feed.json` as `/`): a new or edited recent post changes a list's first page and its feeds
 * together, so they cost one bucket write instead of two or three. The release records which hashing
 * packed it, so a release made before (and a rollback to one) is still read as it was packed.
 */
import type { Release } from "../model/release.ts";

/** The hashing new releases are packed with (see `Release.hashing`). */
export const HASHING = 2 as const;

/** The key of a WordPress id (`/?p=`, `/?cat=`): see model/wordpress-ids.ts. */
export function idKey(wordpressIdKey: string): string {
  return `#id:${wordpressIdKey}`;
}

/** The key of a search shard or document chunk (see search/layout.ts). */
export function searchValueKey(indexKey: string): string {
  return `#search:${indexKey}`;
}

/** The key of the site's theme (see model/theme.ts): one value, read with the first themed page. */
export const THEME_KEY = "#theme";

export function bucketOf(key: string, buckets: number, hashing: number = HASHING): number {
  return buckets <= 1 ? 0 : fnv1a(hashForm(key, hashing)) % buckets;
}

/** The value holding `key` in `release`: its own value, or its bucket under the release's hashing. */
export function valueHolding(release: Release, key: string): string | undefined {
  return release.solo[key] ?? release.buckets[bucketOf(key, release.buckets.length, release.hashing ?? 1)];
}

/** A feed's path after its list's: `/feed`, `/feed/atom`, `/feed/rss2`, `/feed/rdf` or `/feed.json` at its end. */
const FEED_TAIL = /\/feed(?:\/(?:atom|rss2?|rdf))?$|\/feed\.json$/;

function hashForm(key: string, hashing: number): string {
  if (!key.startsWith("/")) return key;
  const path = key.replace(/(?:\.html|\/)$/, "");
  return hashing >= 2 ? path.replace(FEED_TAIL, "") : path;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
