/**
 * Addresses a moved blog had that must keep answering: its own old feed (served where it was, in its
 * format, with the entry ids its subscribers have), the pages of its paginator, the pages its Liquid
 * templates and jekyll-archives made, and the feed addresses readers and other blog engines use.
 */
import { pluginTermPath } from "../content/jekyll/archives-plugin.ts";
import type { FeedIds, TermName } from "../content/jekyll/templates.ts";
import { normalizePermalink } from "../content/permalink.ts";
import { termPath } from "./archives.ts";
import type { Sources } from "./read-sources.ts";
import { SITEMAP_PATH } from "./sitemap.ts";

export interface OldFeed {
  path: string;
  format: "rss" | "atom";
  ids: FeedIds;
  /** The site's `baseurl` (`/blog`), which Jekyll's absolute URLs, and so the old ids, began with; "" when none. */
  base: string;
}

export interface OldAddresses {
  /** Feeds served at an old address, in the format and with the entry ids its subscribers had. */
  feeds: OldFeed[];
  /** Old path → our path, answered with 301 wherever nothing else is served. */
  redirects: Array<[string, string]>;
  /**
   * Terms the old site had a page for: their archives answer even while no post is filed under them,
   * as the old page did ("no posts in this category"), so the redirect to them never ends in a 404.
   */
  archives: TermName[];
}

/**
 * Feed addresses of WordPress (`/feed/rss2/`, `/feed/atom/`…), Jekyll (`/feed.xml`, `/atom.xml`),
 * Hugo (`/index.xml`) and others, each leading to our feed in the same format. `/feed/` and
 * `/feed/atom/` are ours; `/feed` and the like reach them through the trailing-slash redirect.
 */
export const FEED_ALIASES: ReadonlyArray<readonly [string, string]> = [
  ["/feed.xml", "/feed/"],
  ["/rss.xml", "/feed/"],
  ["/rss/", "/feed/"],
  ["/index.xml", "/feed/"],
  ["/feed.rss", "/feed/"],
  ["/feed/rss2/", "/feed/"],
  ["/feed/rss/", "/feed/"],
  ["/feed/rdf/", "/feed/"],
  ["/atom.xml", "/feed/atom/"],
  ["/feed.atom", "/feed/atom/"],
  ["/atom/", "/feed/atom/"],
];

/** `/comments/feed/`: WordPress's comments feed. There are no comments here, so it is a valid feed without items. */
export const COMMENTS_FEED_PATH = "/comments/feed/";

export function oldAddresses(sources: Sources, postCount: number): OldAddresses {
  const feeds: OldFeed[] = [];
  const redirects: Array<[string, string]> = [];
  const archives: TermName[] = [];
  const base = sources.jekyll?.baseurl ?? "";
  const moved = (from: string, to: string) => {
    if (from !== to) redirects.push([from, to]);
  };
  for (const { path, equivalent } of sources.templates) {
    if (equivalent === null) continue;
    if (equivalent.kind === "feed")
      feeds.push({ path, format: equivalent.format, ids: equivalent.ids, base: equivalent.withBaseurl ? base : "" });
    else if (equivalent.kind === "json-feed") moved(path, "/feed.json");
    else if (equivalent.kind === "sitemap") moved(path, SITEMAP_PATH);
    else if (equivalent.kind === "home") moved(path, "/");
    else if (equivalent.kind === "search") moved(path, "/search/");
    else if (equivalent.kind === "archive") {
      moved(path, equivalent.path);
      archives.push(equivalent.term);
    } else moved(path, "/robots.txt");
  }
  const jekyll = sources.jekyll;
  // jekyll-feed writes its Atom feed only where the site has no file of its own.
  if (jekyll?.feedPath) {
    const path = canonical(jekyll.feedPath);
    // jekyll-feed's ids are `post.id | absolute_url`: the site's url, its baseurl, then the id.
    if (path !== null && !feeds.some((f) => f.path === path)) feeds.push({ path, format: "atom", ids: "id", base });
  }
  if (jekyll?.paginatePath?.includes(":num")) {
    const pages = Math.ceil(postCount / sources.site.postsPerPage);
    for (let n = 2; n <= pages; n++) {
      const path = canonical(jekyll.paginatePath.replace(":num", String(n)));
      if (path !== null) moved(path, `/page/${n}/`);
    }
  }
  // jekyll-archives' category and tag pages (chirpy's `/categories/:name/`) lead to our archives.
  for (const { kind, pattern } of jekyll?.archives ?? []) {
    if (kind !== "category" && kind !== "tag") continue;
    const names = new Set(sources.posts.filter((p) => p.layout === "post").flatMap((p) => (kind === "category" ? p.categories : p.tags)));
    for (const name of names) {
      const from = pluginTermPath(pattern, name);
      const to = termPath(kind, name);
      const path = from === null ? null : canonical(from);
      if (path !== null && to !== null) moved(path, to);
    }
  }
  for (const [from, to] of FEED_ALIASES) if (!feeds.some((f) => f.path === from)) moved(from, to);
  return { feeds, redirects, archives };
}

function canonical(path: string): string | null {
  const result = normalizePermalink(path);
  return "ok" in result ? result.ok : null;
}
