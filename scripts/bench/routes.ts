/**
 * What the benchmark asks for, as a table: a route measured only where the Worker serves it, so
 * routes added later (archives, search) are measured as soon as they exist.
 */
import { benchCategoryPath, benchPostPath } from "./generate-site.ts";

/** What a browser sends: cached answers are stored gzipped and sent as stored to clients that take gzip. */
export const BROWSER_HEADERS = { "Accept-Encoding": "gzip, deflate, br, zstd" };

export interface BenchRoute {
  name: string;
  path: string;
  /** The status a served route answers with. */
  expect: 200 | 404;
  /** Every request a new URL: measures what a cache miss costs. */
  cold?: boolean;
  /** Served only when the answer differs from this other path's (search falls back to the home page). */
  differsFrom?: string;
}

// The cold route runs last: the cache writes its misses queue would otherwise slow the next route.
export const BENCH_ROUTES: BenchRoute[] = [
  { name: "post (warm)", path: benchPostPath(), expect: 200 },
  { name: "home", path: "/", expect: 200 },
  { name: "archive", path: benchCategoryPath(), expect: 200 },
  { name: "feed", path: "/feed/", expect: 200 },
  { name: "search", path: "/?s=reader", expect: 200, differsFrom: "/" },
  { name: "404", path: "/no/such/page/", expect: 404 },
  { name: "post (cold)", path: benchPostPath(), expect: 200, cold: true },
];

/** Why a route cannot be measured on this Worker, or null when it is served. */
export async function notServed(base: string, route: BenchRoute): Promise<string | null> {
  const res = await fetch(base + route.path, { redirect: "manual" });
  const body = await res.text();
  if (res.status !== route.expect) return `not yet served (answers ${res.status})`;
  if (route.differsFrom !== undefined) {
    const other = await (await fetch(base + route.differsFrom)).text();
    if (other === body) return `not yet served (answers with ${route.differsFrom})`;
  }
  return null;
}
