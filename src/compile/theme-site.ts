/**
 * Jekyll's `site` for a theme drawn by the Worker, as JSON (drops/site_drop.rb): every `_config.yml`
 * key, each collection's documents (`site.tabs`), then title, description, baseurl, time, posts newest
 * first, pages, collections (without their documents, which the Worker takes from `site.LABEL` and
 * `posts`), categories and tags (each name with the numbers of its posts in `posts`, which the
 * Worker turns back into the posts: one copy of each post, however many terms it has) and data.
 * `site.url` is not stored: it is the address the page is served from.
 */
import { templateUrl, UNDATED } from "../content/post.ts";
import { jekyllExcerpt } from "./jekyll-excerpt.ts";
import { collectionDocuments, siteCollections } from "./site-collections.ts";
import type { Prepared } from "./types.ts";

export interface ThemeSiteInput {
  config: Record<string, unknown>;
  title: string;
  description: string;
  baseurl: string;
  /** Posts and pages served at this moment, newest first. */
  visible: readonly Prepared[];
  data: Record<string, unknown>;
  /** Whether each post carries its HTML as `content` (only when the theme reads it). */
  withContent: boolean;
}

export function themeSite(input: ThemeSiteInput): Record<string, unknown> {
  const posts = input.visible.filter((p) => p.post.layout === "post");
  const collections = collectionDocuments(input.config, input.visible, (p) => p.post);
  const inCollection = new Set([...collections.values()].flat());
  const pages = input.visible.filter((p) => p.post.layout === "page" && !inCollection.has(p));
  const time = lastChange(input.visible);
  const drop = (p: Prepared) => documentDrop(p, input.withContent, input.config);
  // Jekyll dates a collection's document that has no date of its own with site.time (document.rb).
  const docDrop = (p: Prepared) => documentDrop(p, input.withContent, input.config, time);
  const { url: _url, ...config } = input.config;
  return {
    ...config,
    ...Object.fromEntries([...collections].map(([label, docs]) => [label, docs.map(docDrop)])),
    title: input.title,
    description: input.description,
    baseurl: input.baseurl,
    time,
    posts: posts.map(drop),
    pages: pages.map(drop),
    html_pages: pages.map(drop),
    categories: byTerm(posts, (p) => p.post.categories),
    tags: byTerm(posts, (p) => p.post.tags),
    // Without their documents, which theme-data.ts puts back from site.LABEL and site.posts: stored once.
    collections: siteCollections(input.config, () => []).map(({ docs: _docs, ...collection }) => collection),
    data: input.data,
  };
}

/** A post's front matter beyond what the engine reads into its own properties: `page.subtitle`, `page.image`… */
export function themeFields(post: Prepared["post"]): Record<string, unknown> {
  // `comments:` as a list is a WordPress export's comments, kept in the engine's own form; as a
  // switch (`comments: true`, which themes test before drawing Disqus or giscus) it is the theme's.
  return Object.fromEntries(Object.entries(post.fields).filter(([key, value]) => key !== "comments" || !Array.isArray(value)));
}

/**
 * A post or page as a list in a theme shows it. A page without a date has none, as in Jekyll;
 * `undated` is the date a collection's document without one has (site.time).
 */
export function documentDrop(
  prepared: Prepared,
  withContent: boolean,
  config: Record<string, unknown> = {},
  undated?: string,
): Record<string, unknown> {
  const { post, html } = prepared;
  const date = post.date !== UNDATED ? post.date : undated;
  const drop: Record<string, unknown> = {
    ...themeFields(post),
    title: post.title,
    url: templateUrl(post),
    ...(date === undefined ? {} : { date }),
    categories: post.categories,
    tags: post.tags,
    layout: post.themeLayout ?? null,
    path: post.source,
    excerpt: jekyllExcerpt(prepared, config),
  };
  if (post.jekyll?.id !== undefined) drop.id = post.jekyll.id;
  if (withContent) drop.content = html;
  return drop;
}

/**
 * `site.time`: Jekyll's is the build's clock. Here it is the newest date or update of what is served,
 * so a publish that changes nothing writes nothing (the publish time would change the theme's value
 * every time), and a theme's "updated on" still moves when a post is added or edited.
 */
function lastChange(visible: readonly Prepared[]): string {
  let newest = 0;
  for (const { post } of visible) newest = Math.max(newest, Date.parse(post.updated ?? post.date) || 0, Date.parse(post.date) || 0);
  return new Date(newest).toISOString();
}

/**
 * `site.tags` and `site.categories` as indexes into `posts` (newest first). Jekyll's hash gets its
 * names as it walks the posts oldest first (Site#post_attr_hash), so a loop over it meets the
 * oldest post's terms first; each name's posts are newest first.
 */
function byTerm(posts: readonly Prepared[], terms: (p: Prepared) => readonly string[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (let i = posts.length - 1; i >= 0; i--) {
    const post = posts[i];
    if (post === undefined) continue;
    for (const term of terms(post)) {
      const list = out[term] ?? [];
      list.unshift(i);
      out[term] = list;
    }
  }
  return out;
}
