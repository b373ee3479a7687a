/**
 * What a release answers at a given moment. Scheduled posts make some answers change at known times;
 * the Worker asks with `Date.now()`, so a post appears once its date has passed without a new publish.
 * Each lookup is a hash-map read plus a scan of that one key's few variants.
 */
import { type Release, type Route, searchKey, type View } from "./release.ts";

/** The route a path has at `now`, or undefined when nothing is there (yet). */
export function routeAt(release: Release, path: string, now: number): Route | undefined {
  const variant = latest(release, path, now);
  if (variant !== undefined && variant[1] !== "search") return [variant[1] as View, variant[2]];
  return release.routes[path];
}

/** Blob hash of a search shard or document chunk at `now`. */
export function searchBlobAt(release: Release, key: string, now: number): string | undefined {
  const variant = latest(release, searchKey(key), now);
  return variant !== undefined ? variant[2] : release.search?.[key];
}

function latest(release: Release, key: string, now: number) {
  const variants = release.later?.[key];
  if (variants === undefined) return undefined;
  let found: (typeof variants)[number] | undefined;
  for (const v of variants) if (v[0] <= now) found = v;
  return found;
}

/** The next moment after `now` at which any answer changes, or null: no response may be cached past it. */
export function nextBoundary(release: Release, now: number): number | null {
  return release.boundaries?.[scheduleEpoch(release, now)] ?? null;
}

/**
 * How many of the release's scheduled moments have passed at `now`. Answers differ only between
 * epochs, so a cache keyed by (release, epoch) never serves an answer from before a post came out.
 */
export function scheduleEpoch(release: Release, now: number): number {
  const list = release.boundaries ?? [];
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] ?? 0) <= now) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
