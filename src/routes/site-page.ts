/**
 * Every content path: looks the request up in the live release's route table and renders the page
 * model it names. Paths that are not there get the redirects old links need, or a 404 page.
 */
import type { Context } from "hono";
import { encodePath, requestPathKey } from "../content/permalink.ts";
import { pagePolicy } from "../http/content-security-policy.ts";
import { redirect, respond } from "../http/respond.ts";
import type { PageCsp } from "../model/csp.ts";
import type { PageModel } from "../model/page-models.ts";
import type { Release } from "../model/release.ts";
import type { PageContext } from "../render/page-context.ts";
import { renderView } from "../render/render-view.ts";
import { renderNotFoundPage } from "../render/status-page.ts";
import { readModel } from "../store/read.ts";
import type { AppEnv } from "./types.ts";

export async function sitePage(c: Context<AppEnv>): Promise<Response> {
  const release = c.get("release");
  const url = new URL(c.req.url);
  const path = requestPathKey(url.pathname);
  const ctx = pageContext(release, url, path ?? "/");

  // WordPress's own address for a post: /?p=278.
  const wpId = url.searchParams.get("p");
  if (url.pathname === "/" && wpId !== null) {
    const target = release.ids[wpId.trim()];
    if (target !== undefined) return redirect(encodePath(target));
  }

  if (path !== null) {
    const route = release.routes[path];
    if (route !== undefined) {
      const [view, hash] = route;
      const model = await readModel(c.env.BLOG, view, hash, c.get("kvTimeoutMs"));
      const rendered = renderView(ctx, view, model);
      const res = await respond(c.req.raw, rendered.body, rendered);
      // Set here, not in a later middleware, so the page's own policy travels with any cached copy.
      if (rendered.type.startsWith("text/html")) res.headers.set("Content-Security-Policy", pagePolicy(cspOf(model)));
      return res;
    }
    const moved = release.redirects[path];
    if (moved !== undefined) return redirect(encodePath(moved) + url.search);
    if (!path.endsWith("/")) {
      const slashed = `${path}/`;
      if (release.routes[slashed] !== undefined || release.redirects[slashed] !== undefined) {
        return redirect(encodePath(slashed) + url.search);
      }
    }
  }
  return notFound(c, release, url);
}

export function notFound(c: Context<AppEnv>, release: Release, url: URL): Promise<Response> {
  const body = renderNotFoundPage(pageContext(release, url, "/404"));
  return respond(c.req.raw, body, { status: 404, type: "text/html; charset=utf-8", policy: "notFound" });
}

export function pageContext(release: Release, url: URL, path: string): PageContext {
  return { site: release.site, origin: release.site.url ?? url.origin, path };
}

function cspOf(model: PageModel): PageCsp | undefined {
  return model.kind === "post" || model.kind === "list" ? model.csp : undefined;
}
