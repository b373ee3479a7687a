/**
 * The real-content check's share for a moved blog's old addresses: every old address the build
 * redirects (redirect_from, the paginator's pages, templates' pages, other engines' feed addresses)
 * reaches a page in one 301, and the site's own old feeds answer where they were, in their format,
 * and parse in feedparser.
 */
import type { SiteBuild } from "../../src/compile/types.ts";
import { encodePath } from "../../src/format/urls.ts";
import { feedparser } from "./checkers.ts";

export async function checkOldAddresses(
  build: SiteBuild,
  fetch: (path: string) => Promise<Response>,
  fail: (message: string) => void,
  log: (line: string) => void = console.log,
): Promise<void> {
  let moved = 0;
  for (const [from, to] of build.redirects) {
    const res = await fetch(encodePath(from));
    const location = res.headers.get("Location");
    if (res.status !== 301 || location === null) {
      fail(`old address ${from} answered ${res.status}, expected a 301 to ${to}`);
      continue;
    }
    const target = await fetch(new URL(location, "http://this.site").pathname);
    await target.body?.cancel();
    // A redirect to a post that is not out yet (scheduled) is a 404 until its date; anything else must be there.
    if (target.status === 200) moved++;
    else fail(`old address ${from} leads to ${location}, which answered ${target.status}`);
  }
  let feeds = 0;
  for (const [path, page] of build.pages) {
    // Our own feeds sit at `<list>feed/` and /feed.json; any other feed stands at an old feed's address.
    if (page.model.kind !== "feed" || path.endsWith("/") || path === "/feed.json") continue;
    const res = await fetch(encodePath(path));
    const parsed = feedparser(await res.text());
    if (res.status !== 200 || parsed.bozo)
      fail(`old feed ${path} answered ${res.status}${parsed.bozo ? `, does not parse: ${parsed.reason}` : ""}`);
    else feeds++;
  }
  log(
    `old addresses: ${moved}/${build.redirects.size} redirects reach a page in one step; ${feeds} old feed addresses serve a feed that parses`,
  );
}
