/**
 * A stored theme made ready to draw with, once per isolate: `site.categories` and `site.tags` back
 * to lists of the posts themselves (they are stored as numbers into `site.posts`), `site.url` set
 * by the caller, and the includes as the map the Liquid engine reads.
 */
import type { ThemeModel } from "../model/theme.ts";

export interface ReadyTheme {
  theme: ThemeModel;
  /** `site` with categories and tags as lists of posts; `url` is added per request. */
  site: Record<string, unknown>;
  includes: ReadonlyMap<string, string>;
  /** Files beside pages that `include_relative` reads, by path in the site. */
  files: ReadonlyMap<string, string>;
  /** Each listed post by the path it is served at (and by its URL, where Jekyll's differs), for the paginator's posts and a post's neighbours. */
  postsByUrl: ReadonlyMap<string, Record<string, unknown>>;
}

const ready = new WeakMap<ThemeModel, ReadyTheme>();

export function readyTheme(theme: ThemeModel): ReadyTheme {
  const held = ready.get(theme);
  if (held !== undefined) return held;
  const posts = Array.isArray(theme.site.posts) ? (theme.site.posts as Array<Record<string, unknown>>) : [];
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
    site: { ...theme.site, categories: terms(theme.site.categories), tags: terms(theme.site.tags) },
    includes: new Map(Object.entries(theme.includes)),
    files: new Map(Object.entries(theme.lookups?.files ?? {})),
    postsByUrl: postsByPath(posts),
  };
  ready.set(theme, made);
  return made;
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
