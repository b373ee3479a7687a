/**
 * Bounds on what an author's template may cost, so that no template hangs a publish or a request:
 * Jekyll has none (a loop over `(1..100000000)` runs for hours), liquidjs stops with an error.
 */

/** Characters of template text one parse may read: far above the largest post (2 MiB) with its includes. */
export const PARSE_LIMIT = 8_000_000;
/** Milliseconds one render may take: a page of a real theme takes a few. */
export const RENDER_LIMIT_MS = 2_000;
/** Characters and array items one render may allocate through filters (liquidjs counts them). */
export const MEMORY_LIMIT = 64_000_000;
/** Includes inside includes: Jekyll has no bound and overflows its stack; this says so sooner. */
export const INCLUDE_DEPTH = 24;
