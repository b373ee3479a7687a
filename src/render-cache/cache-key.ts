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
 * Names the code that rendered a cached page where the runtime cannot (no version binding, as in
 * tests and the benchmark's plain Miniflare). Deployed Workers use their version id instead, so a
 * deploy of new templates never serves pages the old ones rendered, without anyone bumping this.
 */
export const RENDER_VERSION = "r1";

/** `codeVersion`: the deployed Worker version's id, when the runtime gives one. */
export function cacheKey(release: Release, url: RequestUrl, now: number, codeVersion?: string): string {
  // The schedule epoch moves every key on when a scheduled post comes out (see release-lookup.ts).
  // Links are absolute and built from site.url; without one they use the request's origin, so the
  // same path reached through two hosts must not share an entry.
  const host = release.site.url ? "-" : encodeURIComponent(url.origin);
  const code = codeVersion ? encodeURIComponent(codeVersion) : RENDER_VERSION;
  return `${KEY_ORIGIN}/${code}/${release.id}.${scheduleEpoch(release, now)}/${host}${url.pathname}${url.search}`;
}
