/**
 * A post or list page, drawn by a Liquid theme (see theme/render-page.ts). With the site's own theme:
 * a post or page in the layout it names, the post list through the site's home page template with
 * `paginator`; the rest (archives, a post naming no layout of the site's) in the built-in theme's
 * layouts, which sit in the site's `default`, so the whole site looks like one site. Without one, the
 * built-in theme draws every page.
 */
import { ownSite, rootRelativeLinks } from "../compile/own-host-links.ts";
import { pagePolicy } from "../http/content-security-policy.ts";
import type { Reply } from "../http/reply.ts";
import type { ListModel, PostModel } from "../model/page-models.ts";
import type { ThemeModel } from "../model/theme.ts";
import type { PageContext } from "../render/page-context.ts";
import { HTML_TYPE } from "../render/render-view.ts";
import type { SitePage } from "../store/site-reader.ts";
import { type BuiltInInput, listPageInput, postPageInput } from "../theme/built-in-page.ts";
import type { ThemedInput } from "../theme/render-page.ts";
import { themeCsp } from "../theme/theme-csp.ts";
import { readyTheme } from "../theme/theme-data.ts";
import { listInput, postInput } from "../theme/themed-input.ts";
import { pageContext, type SiteRequest } from "./site-request.ts";
import { bundledTheme, drawEnginePage, drawWith, themeOf } from "./theme-drawing.ts";

export function themedReply(
  req: SiteRequest,
  path: string,
  page: SitePage & { model: PostModel | ListModel },
  stored: ThemeModel | null,
): Reply {
  const ctx = pageContext(req, path);
  const model = page.model;
  const builtInInput = () => (model.kind === "post" ? postPageInput(ctx, model) : listPageInput(ctx, model));
  if (stored === null) {
    // The built-in theme alone: every template is the engine's, so the page allows what its author published, nothing to scan.
    const body = drawEnginePage(bundledTheme(), ctx, req.url.origin, builtInInput());
    return { status: 200, type: HTML_TYPE, body, policy: "page", expiresAt: req.site.expiresAt, csp: pagePolicy(model.csp) };
  }
  const theme = themeOf(stored);
  // A post naming a layout the site lacks is the built-in theme's whole (Jekyll would draw it bare); one
  // naming none is drawn in the `post` or `page` layout, the site's own or the built-in one.
  const engineTheme = model.kind === "post" && model.theme?.missing === true ? bundledTheme() : theme;
  const body = siteThemed(req, ctx, theme, model) ?? engineThemed(engineTheme, ctx, req.url.origin, builtInInput());
  return themedPage(req, ctx, theme, body, model.csp);
}

/** The page as the site's own templates draw it, or null when they have no layout for it (or fail: the publish drew it, so that is a bug). */
export function siteThemed(req: SiteRequest, ctx: PageContext, theme: ThemeModel, model: PostModel | ListModel): string | null {
  const ready = readyTheme(theme, ctx.site.timezone);
  const base = { origin: req.url.origin, timezone: ctx.site.timezone };
  const input: ThemedInput | null = model.kind === "post" ? postInput(ready, model, base) : listInput(ready, model, base);
  if (input === null) return null;
  const drawn = drawWith(theme, input);
  if ("problem" in drawn) {
    console.error(`theme: ${drawn.problem.file}:${drawn.problem.line}: ${drawn.problem.reason}`);
    return null;
  }
  return drawn.html;
}

/** One of the engine's pages inside the site's `default`; should that fail, the built-in theme alone draws it. */
export function engineThemed(theme: ThemeModel, ctx: PageContext, origin: string, input: BuiltInInput): string {
  try {
    return drawEnginePage(theme, ctx, origin, input);
  } catch (error) {
    console.error(`theme: ${error instanceof Error ? error.message : String(error)}`);
    return drawEnginePage(bundledTheme(), ctx, origin, input);
  }
}

/** A page drawn with the site's own templates: what they load is allowed, found in the finished HTML. */
export function themedPage(req: SiteRequest, ctx: PageContext, theme: ThemeModel, html: string, csp: PostModel["csp"]): Reply {
  // Links the theme writes to the blog's old host (a logo in `_config.yml`) stay on whichever address serves the site.
  const baseurl = typeof theme.site.baseurl === "string" ? theme.site.baseurl : "";
  const body = rootRelativeLinks(html, ownSite([ctx.site.url], baseurl));
  return {
    status: 200,
    type: HTML_TYPE,
    body,
    policy: "page",
    expiresAt: req.site.expiresAt,
    csp: pagePolicy(themeCsp(body, csp, theme.evalScripts)),
  };
}
