/**
 * What a release answers at a given moment. Scheduled posts make some answers change at known times;
 * the Worker asks with `Date.now()`, so a post appears once its date has passed without a new publish.
 */
import type { Answer, Release } from "./release.ts";

/** The answer a key's timeline gives at `now`, or undefined when nothing is there (yet). */
export function answerAt(timeline: readonly Answer[] | undefined, now: number): Answer | undefined {
  if (timeline === undefined) return undefined;
  let found: Answer | undefined;
  for (const answer of timeline) if (answer[0] <= now) found = answer;
  return found?.[1] === "gone" ? undefined : found;
}

/** The next moment after `now` at which any answer changes, or null: no response may be cached past it. */
export function nextBoundary(release: Release, now: number): number | null {
  return release.boundaries[scheduleEpoch(release, now)] ?? null;
}

/**
 * How many of the release's scheduled moments have passed at `now`. Answers differ only between
 * epochs, so a cache keyed by (release, epoch) never serves an answer from before a post came out.
 */
export function scheduleEpoch(release: Release, now: number): number {
  const list = release.boundaries;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] ?? 0) <= now) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
