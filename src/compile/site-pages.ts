/**
 * The whole site as data: from prepared posts to every servable path and the model behind it.
 * Pure: no KV, no clock, no files (the publish time comes in as `asOf`). The store turns this into a release.
 */

import type { MediaFile } from "../content/content-files.ts";
import { readRelated } from "../content/feature-fields.ts";
import { normalizePermalink } from "../content/permalink.ts";
import { type Post, templateUrl } from "../content/post.ts";
import type { Problem } from "../content/problem.ts";
import { EMPTY_SITE_DATA, type SiteData } from "../content/site-data/site-data.ts";
import type { Link, ListModel, PostModel, RelatedPost } from "../model/page-models.ts";
import type { NavLink, SiteConfig } from "../model/site.ts";
import type { ThemeModel } from "../model/theme.ts";
import { slugKey, wordpressIdKey } from "../model/wordpress-ids.ts";
import { withBuiltIn } from "../theme/built-in-theme.ts";
import { archivesOf, termLinks, termPath } from "./archives.ts";
import { findConflicts, mediaPath, movedAside } from "./conflicts.ts";
import { collectCsp, mergeCsp } from "./csp/collect.ts";
import { commentsFeedPage, feedsFor, oldFeedPage } from "./feeds.ts";
import { jekyllExcerpt } from "./jekyll-excerpt.ts";
import { listPages } from "./lists.ts";
import type { OldAddresses } from "./old-addresses.ts";
import type { PostExtras } from "./post-extras.ts";
import { newestFirst } from "./post-order.ts";
import { relatedPosts } from "./related.ts";
import { searchIndex } from "./search-index.ts";
import { collectionLabel } from "./site-collections.ts";
import { sitemapPages } from "./sitemap.ts";
import { stickyFirst } from "./sticky.ts";
import { type TermIndex, termIndex } from "./term-index.ts";
import { type ThemeSiteInput, themeFields, themeSite } from "./theme-site.ts";
import type { ThemeTemplates } from "./theme-templates.ts";
import type { BuiltPage, Prepared, SiteBuild, Snapshot } from "./types.ts";
import { attachmentIds } from "./wordpress-attachments.ts";

/** The site's own theme: its templates, and what its `site` is made of besides the posts served at each moment. */
export interface SiteTheme {
  templates: ThemeTemplates;
  site: Omit<ThemeSiteInput, "visible">;
  /** The built-in theme, whose layouts and includes complete the site's (stored so, see theme/built-in-theme.ts). */
  builtIn?: ThemeModel;
}

/** minima's `header_pages`: the pages of those files, in that order (a file the site lacks is skipped, as minima skips it). */
function headerPagesNav(prepared: readonly Prepared[], files: readonly string[] | undefined): NavLink[] | null {
  if (files === undefined) return null;
  return files.flatMap((file) => {
    const page = prepared.find((p) => p.post.source === file);
    return page === undefined ? [] : [{ title: page.post.title, path: page.post.permalink }];
  });
}

const NO_OLD_ADDRESSES: OldAddresses = { feeds: [], redirects: [], archives: [] };

export function sitePages(
  input: readonly Prepared[],
  site: SiteConfig,
  media: readonly MediaFile[] = [],
  asOf: number = Number.POSITIVE_INFINITY,
  {
    data = EMPTY_SITE_DATA,
    old = NO_OLD_ADDRESSES,
    theme = null,
    notFound = null,
  }: { data?: SiteData; old?: OldAddresses; theme?: SiteTheme | null; notFound?: Prepared | null } = {},
): { build: SiteBuild; warnings: Problem[] } | { problems: Problem[] } {
  const prepared = [...input].sort((a, b) => newestFirst(a.post, b.post));
  const entries = prepared.map((p) => p.post);
  const terms = termIndex(data);
  // `nav:` in _config.yml, then minima's `header_pages`, then _data/navigation.yml, then the pages.
  const nav: NavLink[] =
    (site.nav.length > 0 ? site.nav : null) ??
    headerPagesNav(prepared, site.headerPages) ??
    data.navigation ??
    prepared
      .filter((p) => p.post.layout === "page")
      .map((p) => ({ title: p.post.title, path: p.post.permalink, order: menuOrder(p.post) }))
      .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title))
      .map(({ title, path }) => ({ title, path }));
  const { headerPages: _resolved, ...stored } = site;
  let fullSite: SiteConfig = { ...stored, nav };
  // The site's 404 page naming one of its theme's layouts is drawn there, as any page (routes/not-found.ts).
  const layout = notFound?.post.themeLayout;
  if (notFound !== null && theme !== null && layout !== undefined && theme.templates.layouts[layout] !== undefined) {
    fullSite = {
      ...fullSite,
      notFoundPage: themed(
        postModel(notFound, null, null, terms, [], (path) => path),
        notFound,
        theme,
      ),
    };
  }

  // Every page the full site would ever serve, to find paths claimed twice before anything is built for real.
  let everything = snapshot(prepared, fullSite, terms, old, NO_MOVES, theme);
  // An author's post or page keeps its address; the engine's own page there moves aside.
  const aside = movedAside(entries, media, everything.generated);
  const moves = aside.moves;
  const problems = findConflicts(entries, media, new Map([...everything.generated].filter(([path]) => !moves.has(path))));
  if (problems.length > 0) return { problems };
  if (moves.size > 0) {
    fullSite = { ...fullSite, moved: Object.fromEntries(moves) };
    everything = snapshot(prepared, fullSite, terms, old, moves, theme);
  }
  const engine = (path: string) => moves.get(path) ?? path;

  const future = [...new Set(entries.map((p) => Date.parse(p.date)).filter((t) => t > asOf))].sort((a, b) => a - b);
  const at = (t: number) =>
    snapshot(
      prepared.filter((p) => Date.parse(p.post.date) <= t),
      fullSite,
      terms,
      old,
      moves,
      theme,
    );
  const now = future.length === 0 ? everything : at(asOf);
  const later = future.map((from, i) => ({ from, ...(i === future.length - 1 ? everything : at(from)) }));

  const redirects = new Map<string, string>();
  const wordpressIds = new Map<string, string>();
  for (const { post } of prepared) {
    for (const from of [...post.redirectFrom, ...oldBloggerPaths(post)]) {
      if (!everything.pages.has(from) && !redirects.has(from)) redirects.set(from, post.permalink);
    }
    const id = post.id ?? idFromGuid(post.guid);
    if (id !== null && !wordpressIds.has(wordpressIdKey("post", id))) wordpressIds.set(wordpressIdKey("post", id), post.permalink);
    // `/?name=slug` and `/?pagename=parent/child` find what WordPress had: its posts (those with its id) by slug and path.
    const slug = id === null ? null : slugKey(post.layout, post.permalink);
    if (slug !== null && !wordpressIds.has(slug)) wordpressIds.set(slug, post.permalink);
  }
  // Page 1 of any list is the list itself, as in WordPress.
  for (const page of everything.pages.values()) {
    const model = page.model;
    if (
      model.kind === "list" &&
      model.page === 1 &&
      !redirects.has(`${model.base}page/1/`) &&
      !everything.pages.has(`${model.base}page/1/`)
    )
      redirects.set(`${model.base}page/1/`, engine(model.base));
  }
  // Old addresses WordPress answered for terms and attachment pages.
  const wordpress = attachmentIds(data.attachments, media);
  // A term alias leads to an archive only if it has one; attachment pages lead to files the site serves (checked there).
  const aliases = terms
    .aliases()
    .map(([from, to]): [string, string] => [from, engine(to)])
    .filter(([, to]) => everything.pages.has(to));
  for (const [from, to] of [...aliases, ...wordpress.pages]) {
    if (!everything.pages.has(from) && !redirects.has(from)) redirects.set(from, to);
  }
  for (const [key, path] of terms.ids()) if (!wordpressIds.has(key)) wordpressIds.set(key, engine(path));
  for (const [key, path] of wordpress.ids) if (!wordpressIds.has(key)) wordpressIds.set(key, path);
  // A Jekyll site's old addresses (its paginator's pages, a feed template's other names).
  for (const [from, to] of old.redirects) if (!everything.pages.has(from) && !redirects.has(from)) redirects.set(from, engine(to));

  const assets = new Set(media.map(mediaPath));
  const build: SiteBuild = { site: fullSite, pages: now.pages, search: now.search, redirects, wordpressIds, assets, entries, later };
  if (now.theme !== undefined) build.theme = now.theme;
  return { build, warnings: aside.warnings };
}

const NO_MOVES: ReadonlyMap<string, string> = new Map();

interface Built extends Snapshot {
  /** Paths the engine generates (lists, archives, feeds, sitemap), for conflict checks. */
  generated: Map<string, string>;
}

/** `moves`: the engine's pages that moved aside for an author's page at their address, and where to. */
function snapshot(
  visible: readonly Prepared[],
  site: SiteConfig,
  terms: TermIndex,
  old: OldAddresses,
  moves: ReadonlyMap<string, string>,
  theme: SiteTheme | null,
): Built {
  const posts = visible.filter((p) => p.post.layout === "post");
  const pages = visible.filter((p) => p.post.layout === "page");
  const out = new Map<string, BuiltPage>();
  const generated = new Map<string, string>();
  const engine = (path: string) => moves.get(path) ?? path;
  const gen = (path: string, page: BuiltPage, what: string) => {
    if (!generated.has(path)) generated.set(path, what);
    if (!out.has(engine(path))) out.set(engine(path), page);
  };

  const byPermalink = new Map(posts.map((p) => [p.post.permalink, p]));
  const related = relatedPosts(posts.map((p) => p.post));
  posts.forEach((p, i) => {
    const newer = posts[i - 1];
    const older = posts[i + 1];
    const model = postModel(
      p,
      older ? linkTo(older.post) : null,
      newer ? linkTo(newer.post) : null,
      terms,
      related.get(p.post) ?? [],
      engine,
    );
    out.set(p.post.permalink, { view: "post", model: themed(model, p, theme) });
  });
  for (const p of pages) out.set(p.post.permalink, { view: "post", model: themed(postModel(p, null, null, terms, [], engine), p, theme) });

  // Sticky posts lead the home page, as on WordPress; archives and feeds keep date order.
  const home = stickyFirst(posts);
  for (const [path, model] of listPages("/", null, home, site.postsPerPage)) gen(path, listPage(model, byPermalink), "the home page");
  for (const feed of feedsFor("/", site.title, posts, site)) gen(feed.path, feed, "the site's feed");
  for (const feed of old.feeds) gen(feed.path, oldFeedPage(feed, site.title, posts, site), "the site's old feed");
  const comments = commentsFeedPage(site.title, posts);
  gen(comments.path, comments, "the comments feed");
  for (const archive of archivesOf(posts, site, terms, old.archives)) {
    const feeds = feedsFor(archive.base, `${site.title} \u2013 ${archive.heading}`, archive.posts, site);
    const what = `the archive "${archive.heading}"`;
    const feed = feeds[0]?.path;
    for (const [path, model] of listPages(
      archive.base,
      archive.heading,
      archive.posts,
      site.postsPerPage,
      feed === undefined ? null : engine(feed),
    )) {
      if (archive.description !== "") model.description = archive.description;
      gen(path, listPage(model, byPermalink), what);
    }
    for (const feed of feeds) gen(feed.path, feed, `the feed of ${what}`);
  }
  for (const [path, model] of sitemapPages(out)) gen(path, { view: "sitemap", model }, "the sitemap");
  const built: Built = { pages: out, search: searchIndex(visible), generated };
  if (theme !== null) {
    const own: ThemeModel = { ...theme.templates, site: themeSite({ ...theme.site, visible }) };
    built.theme = theme.builtIn === undefined ? own : withBuiltIn(own, theme.builtIn);
  }
  return built;
}

function menuOrder(post: Post): number {
  const value = post.fields.menu_order ?? post.fields.nav_order;
  return typeof value === "number" ? value : Number.MAX_SAFE_INTEGER;
}

/** WordPress ids live in the guid when the export has no `id`: `http://site/?p=278`, `?page_id=2`. */
export function idFromGuid(guid: string | null): string | null {
  const m = guid === null ? null : /[?&](?:p|page_id)=(\d+)(?:&|#|$)/.exec(guid);
  return m?.[1] ?? null;
}

/** Blogger-era addresses that WordPress's importer kept as `blogger_permalink`. */
function oldBloggerPaths(post: Post): string[] {
  const raw = post.fields.blogger_permalink;
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  const paths: string[] = [];
  for (const item of list) {
    if (typeof item !== "string") continue;
    const result = normalizePermalink(item);
    if ("ok" in result && result.ok !== post.permalink) paths.push(result.ok);
  }
  return paths;
}

function linkTo(post: Post): Link {
  return { title: post.title, path: post.permalink };
}

/**
 * A list page with what its excerpts need its Content-Security-Policy to allow. `byPermalink` holds
 * every visible post: a page looks up the few it shows (scanning every post for each of a large
 * site's thousands of list pages cost seconds a publish).
 */
function listPage(model: ListModel, byPermalink: ReadonlyMap<string, Prepared>): BuiltPage {
  const shown = model.posts.map((p) => byPermalink.get(p.permalink)?.excerptCsp).filter((c) => c !== undefined);
  return { view: "list", model: { ...model, csp: mergeCsp(shown) } };
}

function postModel(
  { post, excerpt, article, csp, extras }: Prepared,
  prev: Link | null,
  next: Link | null,
  terms: TermIndex,
  related: RelatedPost[],
  engine: (path: string) => string,
): PostModel {
  const model: PostModel = {
    kind: "post",
    layout: post.layout,
    id: post.id,
    title: post.title,
    permalink: post.permalink,
    date: post.date,
    updated: post.updated,
    author: post.author,
    categories: post.categories,
    tags: post.tags,
    description: excerpt.description,
    html: article.html,
    prev,
    next,
    csp,
  };
  if (post.layout === "post") {
    // Archives that moved aside for an author's page at their address are linked where they went.
    model.categoryLinks = termLinks("category", post.categories, terms).map((link) => ({ ...link, path: engine(link.path) }));
    model.tagLinks = termLinks("tag", post.tags, terms).map((link) => ({ ...link, path: engine(link.path) }));
    const author = post.author === "" ? null : termPath("author", post.author, terms);
    model.authorPath = author === null ? null : engine(author);
    model.readingMinutes = article.readingMinutes;
    if (related.length > 0 && readRelated(post.fields).value !== false) model.related = related;
  }
  if (article.toc) model.toc = article.toc;
  if (article.image) model.image = article.image;
  if (extras) addExtras(model, extras);
  if (post.preview) model.preview = post.preview;
  return model;
}

/** A post or page the site's theme has a layout for carries that layout's name and the front matter it may read. */
function themed(model: PostModel, prepared: Prepared, theme: SiteTheme | null): PostModel {
  const { post, html } = prepared;
  const layout = post.themeLayout;
  if (theme === null || layout === undefined) return model;
  if (theme.templates.layouts[layout] === undefined) return { ...model, theme: { layout, fields: {}, missing: true } };
  // The body as Jekyll gives a layout its `content`: headings with their ids, without the built-in theme's `#` links.
  // `page.path`, as Jekyll gives it: `include_relative` in a layout reads beside it; `page.collection` too.
  const collection = post.layout === "post" ? "posts" : collectionLabel(post.source, theme.site.config);
  const fields: Record<string, unknown> = { ...themeFields(post), path: post.source, ...(collection === null ? {} : { collection }) };
  // A collection's document has an excerpt, as a post has (a post's is read from site.posts when drawn;
  // jekyll-seo-tag describes the page with it); a page has none.
  if (collection !== null && collection !== "posts") fields.excerpt = jekyllExcerpt(prepared, theme.site.config);
  // `page.url` is Jekyll's (`/topics/jekyll`) where it is not the path the page is served at (`/topics/jekyll.html`).
  const url = templateUrl(post);
  return { ...model, html, theme: { layout, fields, ...(url === model.permalink ? {} : { url }) } };
}

/** The featured image, post format, comments and pings (see post-extras.ts), when the post has them. */
function addExtras(model: PostModel, extras: PostExtras): void {
  if (extras.image !== null) {
    model.featured = extras.image;
    // The page shows the image, so its policy must allow where it comes from.
    model.csp = mergeCsp([model.csp ?? collectCsp(""), collectCsp(`<img src="${extras.image.src.replace(/"/g, "&quot;")}">`)]);
  }
  if (extras.format !== null) model.format = extras.format;
  if (extras.titleHtml !== null) model.titleHtml = extras.titleHtml;
  if (extras.commentCount > 0) {
    model.comments = extras.comments;
    model.commentCount = extras.commentCount;
  }
  if (extras.pings.length > 0) model.pings = extras.pings;
}
