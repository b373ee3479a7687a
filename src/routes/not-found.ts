/** The 404 page: what any address the site does not serve gets, in the site's theme (or the built-in one). */
import { HTML, type Reply } from "../http/reply.ts";
import { notFoundPageInput } from "../theme/built-in-page.ts";
import { pageContext, type SiteRequest } from "./site-request.ts";
import { bundledTheme, drawEnginePage, themeOf } from "./theme-drawing.ts";
import { engineThemed, siteThemed, themedPage } from "./themed-page.ts";

export async function notFound(req: SiteRequest): Promise<Reply> {
  const ctx = pageContext(req, "/404");
  const stored = await req.site.theme();
  const input = notFoundPageInput(ctx);
  if (stored === null) {
    const body = drawEnginePage(bundledTheme(), ctx, req.url.origin, input);
    return { status: 404, type: HTML, body, policy: "notFound", expiresAt: req.site.expiresAt };
  }
  const theme = themeOf(stored);
  // The site's own 404 page in the layout it names, as Jekyll draws it; else the body in the engine's 404 frame.
  const own = ctx.site.notFoundPage;
  const drawn = own === undefined ? null : siteThemed(req, ctx, theme, own);
  const body = drawn ?? engineThemed(theme, ctx, req.url.origin, input);
  const page = themedPage(req, ctx, theme, body, drawn === null ? undefined : own?.csp);
  return { ...page, status: 404, policy: "notFound" };
}
