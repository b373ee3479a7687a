/**
 * Every Cache-Control the site sends, named for what it is for. Content changes only when the author
 * publishes, and every 200 carries a strong ETag, so browsers keep a copy briefly and then revalidate
 * (a 304 from the Worker's cache costs no KV read and no rendering). `stale-while-revalidate` lets
 * them show the copy they have while they check; `stale-if-error` lets them keep showing it when the
 * Worker cannot answer (RFC 5861). The Worker's own cache is keyed by release, so none of these
 * delay a publish at the edge: they bound how long a browser may show the previous version.
 */
export const CACHE_POLICY = {
  /** Posts, pages and lists: a returning reader sees a new publish within a minute. */
  page: "public, max-age=60, stale-while-revalidate=86400, stale-if-error=604800",
  /** Feeds are polled by readers that can wait a little longer for new items. */
  feed: "public, max-age=900, stale-while-revalidate=86400, stale-if-error=604800",
  /** Search results: answered from the index of the live release; a new publish shows within minutes. */
  search: "public, max-age=300, stale-while-revalidate=3600, stale-if-error=86400",
  /** The sitemap is read by crawlers, hours apart. */
  sitemap: "public, max-age=3600, stale-while-revalidate=86400, stale-if-error=604800",
  /** Not found: short, so a page published later appears quickly; never worth keeping through errors. */
  notFound: "public, max-age=60, stale-while-revalidate=60",
  /** Permanent moves (old links, trailing slashes): stable, but a later publish may retarget one. */
  redirect: "public, max-age=86400, stale-while-revalidate=86400, stale-if-error=604800",
  /** Images and other files: not fingerprinted, so an author may replace one under the same path. */
  asset: "public, max-age=86400, stale-while-revalidate=604800, stale-if-error=604800",
  /** Errors and "not published yet": never cached anywhere. */
  none: "no-store",
  /** A shared draft (found or not): for whoever holds the link, kept by no cache on the way, shared or not. */
  preview: "private, no-store",
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

/**
 * What Cloudflare's cache in front of the Worker (Workers Cache, `[cache] enabled` in wrangler.toml)
 * may keep, in `Cloudflare-CDN-Cache-Control`, which only Cloudflare's cache reads. It answers without
 * running the Worker, so it must never outlive what the Worker would answer: a short lifetime, no
 * serving stale while revalidating, and entries tagged with their release so the Worker can purge them
 * the moment it sees a newer one (routes/edge-purge.ts). A publish is then seen everywhere within
 * KV's own bound (about 60 s), as without this cache; should a purge not happen, the lifetime bounds
 * the delay. Capped at the next scheduled post like every other policy.
 */
export const EDGE_MAX_AGE_SECONDS: Record<CachePolicyName, number> = {
  page: 30,
  feed: 30,
  search: 30,
  sitemap: 30,
  notFound: 30,
  redirect: 30,
  asset: 86_400,
  none: 0,
  preview: 0,
};

export function edgePolicy(name: CachePolicyName, secondsToChange: number | null): string | null {
  const limit = Math.min(
    EDGE_MAX_AGE_SECONDS[name],
    secondsToChange === null ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(secondsToChange)),
  );
  // Errors and answers about to change are not kept by the edge at all.
  return limit > 0 ? `public, max-age=${limit}` : null;
}

/** The Cache-Tag of every answer rendered from a release: what a purge names when the release is replaced. */
export function releaseTag(releaseId: string): string {
  return `edgepress-release-${releaseId}`;
}
