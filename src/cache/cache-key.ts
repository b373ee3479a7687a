/**
 * Cache keys for rendered responses. Every key names the release it was rendered from, so a
 * publish (a new release id in the pointer) moves every request to new keys: nothing needs purging,
 * and an entry of an older release is never looked up again by an isolate that has seen a newer one.
 */
import type { RequestUrl } from "../http/request-url.ts";
import type { Release } from "../model/release.ts";
import { scheduleEpoch } from "../model/release-lookup.ts";

/** A host no request can reach: the keys are only names, never fetched. */
const KEY_ORIGIN = "https://render-cache.edgepress.invalid";

/**
 * Bump when the way pages are rendered changes in a way the release id does not capture, so a
 * deploy of new templates does not serve pages the old ones rendered.
 */
export const RENDER_VERSION = "r1";

export function cacheKey(release: Release, url: RequestUrl, now: number): string {
  // The schedule epoch moves every key on when a scheduled post comes out (see release-lookup.ts).
  // Links are absolute and built from site.url; without one they use the request's origin, so the
  // same path reached through two hosts must not share an entry.
  const host = release.site.url ? "-" : encodeURIComponent(url.origin);
  return `${KEY_ORIGIN}/${RENDER_VERSION}/${release.id}.${scheduleEpoch(release, now)}/${host}${url.pathname}${url.search}`;
}
