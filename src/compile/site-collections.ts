/**
 * A Jekyll site's collections as Liquid sees them, for both scopes (a page's own Liquid in
 * liquid-scope.ts, the theme's layouts in theme-site.ts): which documents each collection holds, in
 * Jekyll 4.3's order (collection.rb), and `site.collections`, the list themes loop over
 * (drops/site_drop.rb, drops/collection_drop.rb).
 */
import { type Collection, collectionOf, readCollections } from "../content/jekyll/collections.ts";
import { DEFAULT_STYLE, patternOf } from "../content/jekyll/url-template.ts";
import type { Post } from "../content/post.ts";

/**
 * Each collection's documents, by label (chirpy's `site.tabs`), ordered by the collection's
 * `sort_by:` key (documents without it after, by path) or by path. A collection without output is
 * not read, so its list is empty.
 */
export function collectionDocuments<T>(config: Record<string, unknown>, items: readonly T[], postOf: (item: T) => Post): Map<string, T[]> {
  const { collections } = readCollections(config.collections, "_config.yml", {});
  const dir = collectionsDir(config);
  const out = new Map<string, T[]>();
  for (const collection of collections) out.set(collection.label, []);
  for (const item of items) {
    const post = postOf(item);
    if (post.layout !== "page") continue;
    const found = collectionOf(post.source, collections, dir);
    if (found !== null) out.get(found.collection.label)?.push(item);
  }
  for (const [label, docs] of out) {
    const own = settingsOf(config, label);
    const key = typeof own.sort_by === "string" ? own.sort_by : null;
    const source = (item: T) => postOf(item).source;
    const byPath = (a: T, b: T) => (source(a) < source(b) ? -1 : source(a) > source(b) ? 1 : 0);
    const value = (item: T): string | number | undefined => {
      const v = key === null ? undefined : postOf(item).fields[key];
      return typeof v === "number" || typeof v === "string" ? v : undefined;
    };
    docs.sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      if (x === undefined || y === undefined) return x === y ? byPath(a, b) : x === undefined ? 1 : -1;
      return x < y ? -1 : x > y ? 1 : byPath(a, b);
    });
  }
  return out;
}

/**
 * `site.collections`: every collection, `posts` among them, ordered by label. Each has the
 * collection's own `_config.yml` keys (a theme may give one a `title:`), then what CollectionDrop
 * adds. `docs` is given by the caller (posts oldest first, as Jekyll's posts collection holds them).
 * `directory` is Jekyll's absolute path to the folder; a site read from files or KV has no such
 * path, so it is the folder inside the site. Static files of a collection are not kept, so `files`
 * is empty.
 */
export function siteCollections<D>(config: Record<string, unknown>, docsOf: (label: string) => D[]): Array<Record<string, unknown>> {
  const { collections } = readCollections(config.collections, "_config.yml", {});
  // Jekyll adds `posts` with output and the site's permalink pattern (configuration.rb add_default_collections).
  const style = typeof config.permalink === "string" && config.permalink !== "" ? config.permalink : DEFAULT_STYLE;
  const posts: Collection = { label: "posts", output: true, permalink: patternOf(style) };
  const all = [...collections, posts].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const dir = collectionsDir(config);
  return all.map((collection) => ({
    ...settingsOf(config, collection.label),
    label: collection.label,
    docs: docsOf(collection.label),
    files: [],
    relative_directory: `_${collection.label}`,
    directory: dir === "" ? `_${collection.label}` : `${dir}/_${collection.label}`,
    output: collection.output,
    permalink: settingsOf(config, collection.label).permalink ?? (collection.label === "posts" ? posts.permalink : null),
  }));
}

/** `page.collection` of a document of one of the site's collections (chirpy's tabs test `page.collection == 'tabs'`), or null. */
export function collectionLabel(source: string, config: Record<string, unknown>): string | null {
  const { collections } = readCollections(config.collections, "_config.yml", {});
  return collectionOf(source, collections, collectionsDir(config))?.collection.label ?? null;
}

function collectionsDir(config: Record<string, unknown>): string {
  return typeof config.collections_dir === "string" ? config.collections_dir.replace(/^\/+|\/+$/g, "") : "";
}

function settingsOf(config: Record<string, unknown>, label: string): Record<string, unknown> {
  const own = isRecord(config.collections) ? config.collections[label] : undefined;
  return isRecord(own) ? own : {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
