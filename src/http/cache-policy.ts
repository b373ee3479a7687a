/**
 * Every Cache-Control the site sends, named for what it is for. Pages change only when the author
 * publishes, so browsers keep them briefly and revalidate with the ETag; stale copies may be served
 * while revalidating and when the Worker cannot answer (RFC 5861).
 */
export const CACHE_POLICY = {
  /** Posts, pages and lists. */
  page: "public, max-age=300, stale-while-revalidate=86400, stale-if-error=604800",
  /** Feeds are polled; readers can wait a little longer for new items. */
  feed: "public, max-age=900, stale-while-revalidate=86400, stale-if-error=604800",
  /** Search results: answered from the index of the live release; a new publish shows within minutes. */
  search: "public, max-age=300, stale-while-revalidate=3600",
  /** Not found: short, so a page published later appears quickly. */
  notFound: "public, max-age=60",
  /** Permanent moves (old links, trailing slashes). */
  redirect: "public, max-age=86400",
  /** Fixed assets such as the favicon. */
  asset: "public, max-age=604800, stale-while-revalidate=86400",
  /** Errors and "not published yet": never cached. */
  none: "no-store",
} as const;

export type CachePolicyName = keyof typeof CACHE_POLICY;

/**
 * A policy that lets no cache keep the response past `seconds` from now: used when a scheduled post
 * appears then. Freshness lifetimes are capped, and serving stale while revalidating is dropped,
 * since that would show the old answer after the moment has passed (RFC 5861 §3).
 */
export function cappedPolicy(name: CachePolicyName, seconds: number): string {
  const limit = Math.max(0, Math.floor(seconds));
  return CACHE_POLICY[name]
    .split(/,\s*/)
    .filter((d) => !d.startsWith("stale-while-revalidate"))
    .map((d) => d.replace(/^(max-age|s-maxage)=(\d+)$/, (_, k: string, v: string) => `${k}=${Math.min(Number(v), limit)}`))
    .join(", ");
}
