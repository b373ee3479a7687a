/**
 * The whole site as data: from prepared posts to every servable path and the model behind it.
 * Pure: no KV, no clock, no files (the publish time comes in as `asOf`). The store turns this into a release.
 */
import type { MediaFile } from "../content/content-files.ts";
import { normalizePermalink } from "../content/permalink.ts";
import type { Post } from "../content/post.ts";
import type { Problem } from "../content/problem.ts";
import type { Link, ListModel, PostModel } from "../model/page-models.ts";
import type { NavLink, SiteConfig } from "../model/site.ts";
import { wordpressIdKey } from "../model/wordpress-ids.ts";
import { archivesOf, termLinks, termPath } from "./archives.ts";
import { findConflicts, mediaPath } from "./conflicts.ts";
import { mergeCsp } from "./csp/collect.ts";
import { commentsFeedPage, feedsFor, oldFeedPage } from "./feeds.ts";
import { listPages } from "./lists.ts";
import { fileModel } from "./media.ts";
import type { OldAddresses, OldFeed } from "./old-addresses.ts";
import { searchIndex } from "./search-index.ts";
import { sitemapPages } from "./sitemap.ts";
import type { BuiltPage, Prepared, SiteBuild, Snapshot } from "./types.ts";

export function sitePages(
  input: readonly Prepared[],
  site: SiteConfig,
  media: readonly MediaFile[] = [],
  asOf: number = Number.POSITIVE_INFINITY,
  old: OldAddresses = { feeds: [], redirects: [] },
): { build: SiteBuild } | { problems: Problem[] } {
  const prepared = [...input].sort((a, b) => newestFirst(a.post, b.post));
  const entries = prepared.map((p) => p.post);
  const nav: NavLink[] = prepared
    .filter((p) => p.post.layout === "page")
    .map((p) => ({ title: p.post.title, path: p.post.permalink, order: menuOrder(p.post) }))
    .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title))
    .map(({ title, path }) => ({ title, path }));
  const fullSite: SiteConfig = { ...site, nav };

  // Every page the full site would ever serve, to find paths claimed twice before anything is built for real.
  const everything = snapshot(prepared, fullSite, media, old.feeds);
  const problems = findConflicts(entries, media, everything.generated);
  if (problems.length > 0) return { problems };

  const future = [...new Set(entries.map((p) => Date.parse(p.date)).filter((t) => t > asOf))].sort((a, b) => a - b);
  const at = (t: number) =>
    snapshot(
      prepared.filter((p) => Date.parse(p.post.date) <= t),
      fullSite,
      media,
      old.feeds,
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
  }
  for (const [from, to] of old.redirects) if (!everything.pages.has(from) && !redirects.has(from)) redirects.set(from, to);
  redirects.set("/page/1/", "/");

  return { build: { site: fullSite, pages: now.pages, search: now.search, redirects, wordpressIds, entries, later } };
}

interface Built extends Snapshot {
  /** Paths the engine generates (lists, archives, feeds, sitemap), for conflict checks. */
  generated: Map<string, string>;
}

function snapshot(visible: readonly Prepared[], site: SiteConfig, media: readonly MediaFile[], oldFeeds: readonly OldFeed[]): Built {
  const posts = visible.filter((p) => p.post.layout === "post");
  const pages = visible.filter((p) => p.post.layout === "page");
  const out = new Map<string, BuiltPage>();
  const generated = new Map<string, string>();
  const gen = (path: string, page: BuiltPage, what: string) => {
    if (!generated.has(path)) generated.set(path, what);
    if (!out.has(path)) out.set(path, page);
  };

  posts.forEach((p, i) => {
    const newer = posts[i - 1];
    const older = posts[i + 1];
    out.set(p.post.permalink, { view: "post", model: postModel(p, older ? linkTo(older.post) : null, newer ? linkTo(newer.post) : null) });
  });
  for (const p of pages) out.set(p.post.permalink, { view: "post", model: postModel(p, null, null) });
  for (const file of media) out.set(mediaPath(file), { view: "file", model: fileModel(file.path, file.bytes) });

  for (const [path, model] of listPages("/", null, posts, site.postsPerPage)) gen(path, listPage(model, posts), "the home page");
  for (const feed of feedsFor("/", site.title, posts, site)) gen(feed.path, feed, "the site's feed");
  for (const feed of oldFeeds) gen(feed.path, oldFeedPage(feed, site.title, posts, site), "the site's old feed");
  const comments = commentsFeedPage(site.title, posts);
  gen(comments.path, comments, "the comments feed");
  for (const archive of archivesOf(posts, site)) {
    const feeds = feedsFor(archive.base, `${site.title} \u2013 ${archive.heading}`, archive.posts, site);
    const what = `the archive "${archive.heading}"`;
    for (const [path, model] of listPages(archive.base, archive.heading, archive.posts, site.postsPerPage, feeds[0]?.path ?? null)) {
      gen(path, listPage(model, archive.posts), what);
    }
    for (const feed of feeds) gen(feed.path, feed, `the feed of ${what}`);
  }
  for (const [path, model] of sitemapPages(out)) gen(path, { view: "sitemap", model }, "the sitemap");
  return { pages: out, search: searchIndex(visible), generated };
}

function newestFirst(a: Post, b: Post): number {
  return b.date.localeCompare(a.date) || a.permalink.localeCompare(b.permalink);
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

/** A list page with what its excerpts need its Content-Security-Policy to allow. */
function listPage(model: ListModel, posts: readonly Prepared[]): BuiltPage {
  const shown = new Set(model.posts.map((p) => p.permalink));
  const csp = mergeCsp(posts.filter((p) => shown.has(p.post.permalink)).map((p) => p.excerptCsp));
  return { view: "list", model: { ...model, csp } };
}

function postModel({ post, excerpt, html, csp }: Prepared, prev: Link | null, next: Link | null): PostModel {
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
    html,
    prev,
    next,
    csp,
  };
  if (post.layout === "post") {
    model.categoryLinks = termLinks("category", post.categories);
    model.tagLinks = termLinks("tag", post.tags);
    model.authorPath = post.author === "" ? null : termPath("author", post.author);
  }
  return model;
}
