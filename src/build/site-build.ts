/**
 * The whole site as data: from checked posts to every servable path and the model behind it.
 * Pure: no KV, no clock, no files. The store turns this into a release.
 */
import type { Post } from "../content/post.ts";
import type { Problem } from "../content/problem.ts";
import { renderMarkdown } from "../markdown/marked.ts";
import type { FeedItem, FeedModel, Link, ListModel, PageModel, PostModel, PostSummary } from "../model/page-models.ts";
import type { View } from "../model/release.ts";
import type { NavLink, SiteConfig } from "../model/site.ts";
import { type Excerpt, excerptOf } from "./excerpt.ts";
import { fileModel } from "./media.ts";
import type { MediaFile } from "./read-site.ts";

export interface BuiltPage {
  view: View;
  model: PageModel;
}

export interface SiteBuild {
  site: SiteConfig;
  pages: Map<string, BuiltPage>;
  redirects: Map<string, string>;
  ids: Map<string, string>;
  /** Posts and pages served, newest first. */
  entries: Post[];
}

interface Prepared {
  post: Post;
  excerpt: Excerpt;
}

export function buildSite(
  input: readonly Post[],
  site: SiteConfig,
  media: readonly MediaFile[] = [],
): { build: SiteBuild } | { problems: Problem[] } {
  const entries = [...input].sort(newestFirst);
  const problems = findConflicts(entries, media);
  if (problems.length > 0) return { problems };

  const prepared = entries.map((post) => ({ post, excerpt: excerptOf(post, renderMarkdown(post.body)) }));
  const posts = prepared.filter((p) => p.post.layout === "post");
  const pages = prepared.filter((p) => p.post.layout === "page");
  const nav: NavLink[] = pages
    .map((p) => ({ title: p.post.title, path: p.post.permalink, order: menuOrder(p.post) }))
    .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title))
    .map(({ title, path }) => ({ title, path }));
  const fullSite: SiteConfig = { ...site, nav };

  const out = new Map<string, BuiltPage>();
  const redirects = new Map<string, string>();
  const ids = new Map<string, string>();

  posts.forEach((p, i) => {
    const newer = posts[i - 1];
    const older = posts[i + 1];
    out.set(p.post.permalink, { view: "post", model: postModel(p, older ? linkTo(older.post) : null, newer ? linkTo(newer.post) : null) });
  });
  for (const p of pages) out.set(p.post.permalink, { view: "post", model: postModel(p, null, null) });

  for (const [path, model] of listPages("/", null, posts, site.postsPerPage)) out.set(path, { view: "list", model });
  out.set("/feed/", { view: "rss", model: feedModel(site.title, "/", "/feed/", posts.slice(0, site.feedSize)) });

  for (const file of media) out.set(mediaPath(file), { view: "file", model: fileModel(file.path, file.bytes) });

  for (const { post } of prepared) {
    for (const from of post.redirectFrom) if (!out.has(from)) redirects.set(from, post.permalink);
    if (post.id !== null) ids.set(post.id, post.permalink);
  }
  redirects.set("/page/1/", "/");

  return { build: { site: fullSite, pages: out, redirects, ids, entries } };
}

function newestFirst(a: Post, b: Post): number {
  return b.date.localeCompare(a.date) || a.permalink.localeCompare(b.permalink);
}

function menuOrder(post: Post): number {
  const value = post.fields.menu_order ?? post.fields.nav_order;
  return typeof value === "number" ? value : Number.MAX_SAFE_INTEGER;
}

/** Paths the engine itself serves; a post claiming one would shadow it. */
const RESERVED = [/^\/$/, /^\/page\/\d+\/$/, /^\/feed\/$/];

function mediaPath(file: MediaFile): string {
  return `/${file.path}`.normalize("NFC");
}

/** Permalinks and ids claimed twice, or paths the engine keeps for itself. */
export function findConflicts(entries: readonly Post[], media: readonly MediaFile[]): Problem[] {
  const problems: Problem[] = [];
  const byPath = new Map<string, Post>();
  const mediaPaths = new Set(media.map(mediaPath));
  const byId = new Map<string, Post>();
  const line = (p: Post, key: string) => p.keyLines[key] ?? 1;
  for (const post of entries) {
    const owner = byPath.get(post.permalink);
    if (owner) {
      problems.push({
        file: post.source,
        line: line(post, "permalink"),
        reason: `permalink ${post.permalink} is also claimed by ${owner.source}`,
      });
    } else if (mediaPaths.has(post.permalink)) {
      problems.push({
        file: post.source,
        line: line(post, "permalink"),
        reason: `permalink ${post.permalink} is the path of a media file`,
      });
    } else if (RESERVED.some((r) => r.test(post.permalink))) {
      problems.push({
        file: post.source,
        line: line(post, "permalink"),
        reason: `permalink ${post.permalink} is reserved for the blog's own pages`,
      });
    } else {
      byPath.set(post.permalink, post);
    }
    if (post.id !== null) {
      const twin = byId.get(post.id);
      if (twin) problems.push({ file: post.source, line: line(post, "id"), reason: `id ${post.id} is also used by ${twin.source}` });
      else byId.set(post.id, post);
    }
  }
  for (const post of entries) {
    for (const from of post.redirectFrom) {
      const owner = byPath.get(from);
      if (owner)
        problems.push({
          file: post.source,
          line: line(post, "redirect_from"),
          reason: `redirect_from ${from} is the permalink of ${owner.source}`,
        });
    }
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

function linkTo(post: Post): Link {
  return { title: post.title, path: post.permalink };
}

function postModel({ post, excerpt }: Prepared, prev: Link | null, next: Link | null): PostModel {
  return {
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
    body: post.body,
    prev,
    next,
  };
}

function summaryOf({ post, excerpt }: Prepared): PostSummary {
  return {
    title: post.title,
    permalink: post.permalink,
    date: post.date,
    author: post.author,
    excerptHtml: excerpt.html,
    more: excerpt.more,
    categories: post.categories,
    tags: post.tags,
  };
}

/** Splits posts into list pages: `<base>`, `<base>page/2/`, … (WordPress's addresses). */
export function listPages(base: string, heading: string | null, posts: readonly Prepared[], perPage: number): Array<[string, ListModel]> {
  const pages = Math.max(1, Math.ceil(posts.length / perPage));
  const result: Array<[string, ListModel]> = [];
  for (let page = 1; page <= pages; page++) {
    const slice = posts.slice((page - 1) * perPage, page * perPage);
    result.push([
      page === 1 ? base : `${base}page/${page}/`,
      {
        kind: "list",
        heading,
        base,
        page,
        pages,
        posts: slice.map(summaryOf),
        updated: newestDate(slice.map((p) => p.post)),
      },
    ]);
  }
  return result;
}

function newestDate(posts: readonly Post[]): string {
  let newest = new Date(0).toISOString();
  for (const p of posts) {
    const d = p.updated && p.updated > p.date ? p.updated : p.date;
    if (d > newest) newest = d;
  }
  return newest;
}

export function feedModel(title: string, home: string, self: string, posts: readonly Prepared[]): FeedModel {
  const items: FeedItem[] = posts.map(({ post, excerpt }) => ({
    title: post.title,
    permalink: post.permalink,
    date: post.date,
    updated: post.updated,
    author: post.author,
    categories: [...post.categories, ...post.tags],
    guid: post.guid,
    summary: excerpt.summary,
    body: post.body,
  }));
  return { kind: "feed", title, home, self, updated: newestDate(posts.map((p) => p.post)), items };
}
