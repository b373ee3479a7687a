/**
 * A page drawn with the site's own theme (see theme/render-page.ts): a post or page in the layout it
 * names, the post list through the site's home page template with `paginator`, and the engine's own
 * lists (archives) inside the theme's `default` layout, so the whole site looks like one site.
 * Returns null for a page the theme has no layout for: the built-in theme draws it.
 */
import { ownSite, rootRelativeLinks } from "../compile/own-host-links.ts";
import { pagePolicy } from "../http/content-security-policy.ts";
import type { Reply } from "../http/reply.ts";
import type { ListModel, PostModel } from "../model/page-models.ts";
import type { ThemeModel } from "../model/theme.ts";
import { listPage } from "../render/list-page.ts";
import { HTML_TYPE } from "../render/render-view.ts";
import type { SitePage } from "../store/site-reader.ts";
import type { LiquidRenderer } from "../theme/liquid/index.ts";
import { renderThemed, type ThemedInput, themeRenderer } from "../theme/render-page.ts";
import { themeCsp } from "../theme/theme-csp.ts";
import { type ReadyTheme, readyTheme } from "../theme/theme-data.ts";
import { listInput, postInput } from "../theme/themed-input.ts";
import { pageContext, type SiteRequest } from "./site-request.ts";

/**
 * One Liquid engine per theme and serving address, kept as long as the isolate keeps the theme: each
 * layout and include is parsed on the first page drawn with it, not on every uncached page.
 */
const renderers = new WeakMap<ReadyTheme, Map<string, LiquidRenderer>>();

function rendererFor(ready: ReadyTheme, origin: string, timezone: string): LiquidRenderer {
  const byAddress = renderers.get(ready) ?? new Map<string, LiquidRenderer>();
  renderers.set(ready, byAddress);
  const key = `${origin} ${timezone}`;
  let renderer = byAddress.get(key);
  if (renderer === undefined) {
    renderer = themeRenderer(ready, origin, timezone);
    byAddress.set(key, renderer);
  }
  return renderer;
}

export function themedReply(req: SiteRequest, path: string, page: SitePage, theme: ThemeModel): Reply | null {
  const ready = readyTheme(theme);
  const ctx = pageContext(req, path);
  const origin = req.url.origin;
  const base = { origin, timezone: ctx.site.timezone };
  let input: ThemedInput | null = null;
  if (page.view === "post" && page.model.kind === "post") input = postInput(ready, page.model, base);
  else if (page.view === "list" && page.model.kind === "list") {
    input = listInput(ready, page.model, base, (list) => {
      const drawn = listPage(ctx, list);
      return { content: drawn.body.toString(), title: drawn.title, description: drawn.description, url: ctx.path };
    });
  }
  if (input === null) return null;
  const drawn = renderThemed(ready, input, rendererFor(ready, origin, base.timezone));
  // The publish drew every themed page once and stopped on an error; one here is a bug, not the author's: draw it plainly.
  if ("problem" in drawn) {
    console.error(`theme: ${drawn.problem.file}:${drawn.problem.line}: ${drawn.problem.reason}`);
    return null;
  }
  const model = page.model as PostModel | ListModel;
  // Links the theme writes to the blog's old host (a logo in `_config.yml`) stay on whichever address serves the site.
  const html = rootRelativeLinks(drawn.html, ownSite([ctx.site.url], typeof ready.site.baseurl === "string" ? ready.site.baseurl : ""));
  return {
    status: 200,
    type: HTML_TYPE,
    body: html,
    policy: "page",
    expiresAt: req.site.expiresAt,
    csp: pagePolicy(themeCsp(html, model.csp, theme.evalScripts)),
  };
}
