/**
 * A stored theme made ready to draw with, once per isolate: `site.categories` and `site.tags` back
 * to lists of the posts themselves (they are stored as numbers into `site.posts`), each of
 * `site.collections` given its documents, the documents'
 * dates and `site.time` back to times on the site's clock (stored as ISO text; jekyll-time.ts),
 * `site.url` set by the caller, and the includes as the map the Liquid engine reads.
 */
import type { ThemeModel } from "../model/theme.ts";
import { jekyllTime } from "./liquid/jekyll-time.ts";

export interface ReadyTheme {
  theme: ThemeModel;
  /** The site's clock (`timezone:`), which the times in `site` are shown on. */
  timezone: string;
  /** `site` with categories and tags as lists of posts; `url` is added per request. */
  site: Record<string, unknown>;
  includes: ReadonlyMap<string, string>;
  /** Files beside pages that `include_relative` reads, by path in the site. */
  files: ReadonlyMap<string, string>;
  /** Each listed post by the path it is served at (and by its URL, where Jekyll's differs), for the paginator's posts and a post's neighbours. */
  postsByUrl: ReadonlyMap<string, Record<string, unknown>>;
}

const ready = new WeakMap<ThemeModel, ReadyTheme>();

export function readyTheme(theme: ThemeModel, timezone: string): ReadyTheme {
  const held = ready.get(theme);
  if (held !== undefined && held.timezone === timezone) return held;
  const site = timedSite(theme.site, timezone);
  const posts = Array.isArray(site.posts) ? (site.posts as Array<Record<string, unknown>>) : [];
  const terms = (value: unknown): Record<string, unknown[]> => {
    const out: Record<string, unknown[]> = {};
    if (typeof value !== "object" || value === null) return out;
    for (const [name, numbers] of Object.entries(value as Record<string, unknown>)) {
      out[name] = Array.isArray(numbers) ? numbers.flatMap((n) => (typeof n === "number" && posts[n] ? [posts[n]] : [])) : [];
    }
    return out;
  };
  const made: ReadyTheme = {
    theme,
    timezone,
    site: { ...site, categories: terms(site.categories), tags: terms(site.tags), collections: withDocs(site, posts) },
    includes: new Map(Object.entries(theme.includes)),
    files: new Map(Object.entries(theme.lookups?.files ?? {})),
    postsByUrl: postsByPath(posts),
  };
  ready.set(theme, made);
  return made;
}

/**
 * `site.collections` with each collection's documents, stored once as `site.LABEL` and `site.posts`:
 * the posts collection holds them oldest first, as Jekyll's does.
 */
function withDocs(site: Record<string, unknown>, posts: ReadonlyArray<Record<string, unknown>>): unknown[] {
  if (!Array.isArray(site.collections)) return [];
  return site.collections.map((collection: Record<string, unknown>) => {
    const label = String(collection.label);
    const docs = label === "posts" ? [...posts].reverse() : Array.isArray(site[label]) ? site[label] : [];
    return { ...collection, docs };
  });
}

/**
 * `site` with `site.time` and the `date` of each document in its lists (posts, pages, each
 * collection's) as times: copies, so the stored theme is left as it was read.
 */
function timedSite(site: Record<string, unknown>, timezone: string): Record<string, unknown> {
  const timed: Record<string, unknown> = { ...site, time: jekyllTime(site.time, timezone) };
  for (const [key, value] of Object.entries(site)) {
    if (!Array.isArray(value) || !value.some(isDated)) continue;
    timed[key] = value.map((doc: unknown) => (isDated(doc) ? { ...doc, date: jekyllTime(doc.date, timezone) } : doc));
  }
  return timed;
}

function isDated(value: unknown): value is Record<string, unknown> & { date: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "date" in value;
}

/**
 * A post's `url` is Jekyll's, which for a pattern without a trailing slash or extension
 * (`/:year/:title`) lacks the `.html` of the file Jekyll wrote and we serve; pages and links name
 * the served path, so each post is found by both.
 */
function postsByPath(posts: ReadonlyArray<Record<string, unknown>>): Map<string, Record<string, unknown>> {
  const byPath = new Map<string, Record<string, unknown>>();
  for (const post of posts) {
    const url = String(post.url);
    byPath.set(url, post);
    if (!url.endsWith("/") && !/\.html?$/i.test(url)) byPath.set(`${url}.html`, post);
  }
  return byPath;
}
