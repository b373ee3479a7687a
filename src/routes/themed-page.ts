/**
 * A page drawn with the site's own theme (see theme/render-page.ts): a post or page in the layout it
 * names, the post list through the site's home page template with `paginator`, and the engine's own
 * lists (archives) inside the theme's `default` layout, so the whole site looks like one site.
 * Returns null for a page the theme has no layout for: the built-in theme draws it.
 */
import { listPagePath } from "../format/urls.ts";
import { pagePolicy } from "../http/content-security-policy.ts";
import type { Reply } from "../http/reply.ts";
import type { ListModel, PostModel } from "../model/page-models.ts";
import type { ThemeModel } from "../model/theme.ts";
import { listPage } from "../render/list-page.ts";
import { HTML_TYPE } from "../render/render-view.ts";
import type { SitePage } from "../store/site-reader.ts";
import { renderThemed, type ThemedInput } from "../theme/render-page.ts";
import { themeCsp } from "../theme/theme-csp.ts";
import { type ReadyTheme, readyTheme } from "../theme/theme-data.ts";
import { pageContext, type SiteRequest } from "./site-request.ts";

/** The layout Jekyll themes frame their other pages with. */
const FRAME = "default";

export function themedReply(req: SiteRequest, path: string, page: SitePage, theme: ThemeModel): Reply | null {
  const ready = readyTheme(theme);
  const ctx = pageContext(req, path);
  const origin = req.url.origin;
  const base = { origin, timezone: ctx.site.timezone };
  let input: ThemedInput | null = null;
  if (page.view === "post" && page.model.kind === "post") input = postInput(ready, page.model, base);
  else if (page.view === "list" && page.model.kind === "list") input = listInput(ready, page.model, base, ctx);
  if (input === null) return null;
  const drawn = renderThemed(ready, input);
  // The publish drew every themed page once and stopped on an error; one here is a bug, not the author's: draw it plainly.
  if ("problem" in drawn) {
    console.error(`theme: ${drawn.problem.file}:${drawn.problem.line}: ${drawn.problem.reason}`);
    return null;
  }
  const model = page.model as PostModel | ListModel;
  return {
    status: 200,
    type: HTML_TYPE,
    body: drawn.html,
    policy: "page",
    expiresAt: req.site.expiresAt,
    csp: pagePolicy(themeCsp(drawn.html, model.csp)),
  };
}

type Base = Pick<ThemedInput, "origin" | "timezone">;

function postInput(ready: ReadyTheme, model: PostModel, base: Base): ThemedInput | null {
  const layout = model.theme?.layout;
  if (layout === undefined || ready.theme.layouts[layout] === undefined) return null;
  const near = (link: PostModel["prev"]) =>
    link === null ? null : (ready.postsByUrl.get(link.path) ?? { url: link.path, title: link.title });
  const page: Record<string, unknown> = {
    ...model.theme?.fields,
    title: model.title,
    url: model.permalink,
    categories: model.categories,
    tags: model.tags,
    author: model.author,
    description: model.theme?.fields.description ?? model.description,
    layout,
    // Jekyll's previous is the older post, next the newer.
    previous: near(model.prev),
    next: near(model.next),
  };
  if (model.layout === "post") page.date = model.date;
  return { ...base, layout, content: model.html, page };
}

function listInput(ready: ReadyTheme, list: ListModel, base: Base, ctx: ReturnType<typeof pageContext>): ThemedInput | null {
  const home = ready.theme.home;
  if (list.base === "/" && home !== null) {
    const posts = list.posts.map(
      (p) => ready.postsByUrl.get(p.permalink) ?? { url: p.permalink, title: p.title, date: p.date, excerpt: p.excerptHtml },
    );
    const paginator = {
      page: list.page,
      per_page: posts.length,
      posts,
      total_pages: list.pages,
      previous_page: list.page > 1 ? list.page - 1 : null,
      previous_page_path: list.page > 1 ? listPagePath("/", list.page - 1) : null,
      next_page: list.page < list.pages ? list.page + 1 : null,
      next_page_path: list.page < list.pages ? listPagePath("/", list.page + 1) : null,
    };
    const page = { ...home.data, url: listPagePath("/", list.page) };
    return { ...base, layout: home.layout, body: home, content: "", page, paginator };
  }
  if (ready.theme.layouts[FRAME] === undefined) return null;
  const drawn = listPage(ctx, list);
  return {
    ...base,
    layout: FRAME,
    content: drawn.body.toString(),
    page: { title: drawn.title, url: ctx.path, description: drawn.description },
  };
}
