/**
 * What a page of the site is drawn from with its own theme: a post or page in the layout it names,
 * the post list through the home page template with `paginator` (the engine's other pages are drawn
 * in the built-in theme's layouts: built-in-page.ts). Pure, shared by the Worker (routes/themed-page.ts) and the publish,
 * which draws every themed page once to stop on a template error (compile/theme-check.ts).
 */
import { UNDATED } from "../content/post.ts";
import { listPagePath } from "../format/urls.ts";
import type { ListModel, PostModel } from "../model/page-models.ts";
import { jekyllTime } from "./liquid/jekyll-time.ts";
import { SAME_DOCUMENT } from "./liquid/operators.ts";
import type { ThemedInput } from "./render-page.ts";
import type { ReadyTheme } from "./theme-data.ts";

export type Base = Pick<ThemedInput, "origin" | "timezone">;

export function postInput(ready: ReadyTheme, model: PostModel, base: Base): ThemedInput | null {
  const layout = model.theme?.layout;
  // A layout the site lacks, or the built-in theme's of that name, is not the site's to draw this page with.
  if (layout === undefined || model.theme?.missing === true) return null;
  if (ready.theme.layouts[layout] === undefined || ready.theme.layouts[layout]?.builtIn === true) return null;
  const near = (link: PostModel["prev"]) =>
    link === null ? null : (ready.postsByUrl.get(link.path) ?? { url: link.path, title: link.title });
  const page: Record<string | symbol, unknown> = {
    ...model.theme?.fields,
    title: model.title,
    url: model.theme?.url ?? model.permalink,
    categories: model.categories,
    tags: model.tags,
    layout,
    // Jekyll's previous is the older post, next the newer.
    previous: near(model.prev),
    next: near(model.next),
  };
  // A page has a date when its front matter gives one (Jekyll shows it); an undated one has none,
  // but a collection's document has site.time then (Jekyll's document.rb), which jekyll-seo-tag reads
  // as an article's publish time.
  if (model.date !== UNDATED) page.date = jekyllTime(model.date, ready.timezone);
  else if (typeof page.collection === "string") page.date = ready.site.time;
  const listed = ready.postsByUrl.get(model.permalink);
  // Jekyll's `page.description` is the front matter's alone (in the fields above); a post also has its excerpt.
  if (model.layout === "post" && listed?.excerpt !== undefined) page.excerpt = listed.excerpt;
  // A listed post's `page` is its entry in `site.posts` to `==`, as in Jekyll (see liquid/operators.ts).
  if (listed !== undefined) page[SAME_DOCUMENT] = listed;
  return { ...base, layout, content: model.html, page };
}

/** The post list through the site's home page template (`index.html`) with `paginator`; null when the site has none, or for an archive. */
export function listInput(ready: ReadyTheme, list: ListModel, base: Base): ThemedInput | null {
  const home = ready.theme.home;
  if (list.base !== "/" || home === null) return null;
  const posts = list.posts.map(
    (p) =>
      ready.postsByUrl.get(p.permalink) ?? {
        url: p.permalink,
        title: p.title,
        date: jekyllTime(p.date, ready.timezone),
        excerpt: p.excerptHtml,
      },
  );
  const paginator = {
    page: list.page,
    // jekyll-paginate's per_page is the site's `paginate:`, on the last page too (chirpy counts its
    // page's offset into site.posts with it); without one, the page's own count.
    per_page: typeof ready.site.paginate === "number" && ready.site.paginate > 0 ? ready.site.paginate : posts.length,
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
