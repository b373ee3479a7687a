/**
 * Every content path: looks the request up in the live release's route table (as it stands at the
 * request's time, so scheduled posts appear on their date) and renders the page model it names.
 * Paths that are not there get the redirects old links need, search, robots.txt, or a 404 page.
 */
import type { Context } from "hono";
import { encodePath, requestPathKey } from "../content/permalink.ts";
import { pagePolicy } from "../http/content-security-policy.ts";
import { redirect, respond } from "../http/respond.ts";
import type { PageCsp } from "../model/csp.ts";
import type { PageModel } from "../model/page-models.ts";
import type { Release } from "../model/release.ts";
import { nextBoundary, routeAt } from "../model/release-lookup.ts";
import type { PageContext } from "../render/page-context.ts";
import { renderView } from "../render/render-view.ts";
import { renderRobots } from "../render/sitemap-xml.ts";
import { renderNotFoundPage } from "../render/status-page.ts";
import { readModel } from "../store/read.ts";
import { parseSearchPath, searchPage } from "./search.ts";
import type { AppEnv } from "./types.ts";

export async function sitePage(c: Context<AppEnv>): Promise<Response> {
  const release = c.get("release");
  const now = c.get("now");
  const url = new URL(c.req.url);
  const path = requestPathKey(url.pathname);
  const ctx = pageContext(release, url, path ?? "/");
  const expiresAt = nextBoundary(release, now);
  // An old address only leads to a post that is out at this moment.
  const live = (target: string | undefined) => (target !== undefined && routeAt(release, target, now) !== undefined ? target : undefined);

  if (url.pathname === "/") {
    // WordPress's own addresses: /?p=278 and /?page_id=2 for a post or page, /?s=term for search.
    const wpId = url.searchParams.get("p") ?? url.searchParams.get("page_id");
    if (wpId !== null) {
      // As WordPress does, an id that names nothing published (yet) is not found.
      const target = live(release.ids[wpId.trim()]);
      return target !== undefined ? redirect(encodePath(target)) : notFound(c, release, url);
    }
    const query = url.searchParams.get("s");
    if (query !== null) return searchPage(c, query, Number(url.searchParams.get("paged")) || 1, "/");
  }

  if (path !== null) {
    const route = routeAt(release, path, now);
    if (route !== undefined) {
      const [view, hash] = route;
      const model = await readModel(c.env.BLOG, view, hash, c.get("kvTimeoutMs"));
      const rendered = renderView(ctx, view, model);
      const res = await respond(c.req.raw, rendered.body, { ...rendered, expiresAt, now });
      // Set here, not in a later middleware, so the page's own policy travels with any cached copy.
      if (rendered.type.startsWith("text/html")) res.headers.set("Content-Security-Policy", pagePolicy(cspOf(model)));
      return res;
    }
    // Page 1 of any list is the list itself, as in WordPress.
    const firstPage = /^(.*\/)page\/1\/$/.exec(path)?.[1];
    if (firstPage !== undefined && (routeAt(release, firstPage, now) !== undefined || firstPage.startsWith("/search/"))) {
      return redirect(encodePath(firstPage) + url.search);
    }
    const search = parseSearchPath(path);
    if (search !== null) return searchPage(c, search.query, search.page, path);
    if (path === "/robots.txt") {
      return respond(c.req.raw, renderRobots(ctx.origin), { type: "text/plain; charset=utf-8", policy: "page" });
    }
    // Old paths are stored in canonical form (trailing slash); one without it goes straight to the post, in one hop.
    const slashed = path.endsWith("/") ? null : `${path}/`;
    const moved = live(release.redirects[path]) ?? (slashed === null ? undefined : live(release.redirects[slashed]));
    if (moved !== undefined) return redirect(encodePath(moved) + url.search);
    if (slashed !== null && (routeAt(release, slashed, now) !== undefined || slashed.startsWith("/search/"))) {
      return redirect(encodePath(slashed) + url.search);
    }
  }
  return notFound(c, release, url);
}

export function notFound(c: Context<AppEnv>, release: Release, url: URL): Promise<Response> {
  const now = c.get("now");
  const body = renderNotFoundPage(pageContext(release, url, "/404"));
  return respond(c.req.raw, body, {
    status: 404,
    type: "text/html; charset=utf-8",
    policy: "notFound",
    expiresAt: nextBoundary(release, now),
    now,
  });
}

export function pageContext(release: Release, url: URL, path: string): PageContext {
  return { site: release.site, origin: release.site.url ?? url.origin, path };
}

function cspOf(model: PageModel): PageCsp | undefined {
  return model.kind === "post" || model.kind === "list" ? model.csp : undefined;
}
