/**
 * Jekyll's `site` for a theme drawn by the Worker, as JSON (drops/site_drop.rb): every `_config.yml`
 * key, then title, description, baseurl, time, posts newest first, pages, categories and tags (each
 * name with the numbers of its posts in `posts`, which the Worker turns back into the posts: one copy
 * of each post, however many terms it has) and data. `site.url` is not stored: it is the address
 * the page is served from.
 */
import { jekyllExcerpt } from "./jekyll-excerpt.ts";
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

/** Front matter keys the engine keeps in its own form; the theme sees them as Jekyll gives them. */
const OWN_FIELDS = new Set(["comments"]);

export function themeSite(input: ThemeSiteInput): Record<string, unknown> {
  const posts = input.visible.filter((p) => p.post.layout === "post");
  const pages = input.visible.filter((p) => p.post.layout === "page");
  const drop = (p: Prepared) => documentDrop(p, input.withContent, input.config);
  const { url: _url, ...config } = input.config;
  return {
    ...config,
    title: input.title,
    description: input.description,
    baseurl: input.baseurl,
    time: lastChange(input.visible),
    posts: posts.map(drop),
    pages: pages.map(drop),
    html_pages: pages.map(drop),
    categories: byTerm(posts, (p) => p.post.categories),
    tags: byTerm(posts, (p) => p.post.tags),
    data: input.data,
  };
}

/** A post's front matter beyond what the engine reads into its own properties: `page.subtitle`, `page.image`… */
export function themeFields(post: Prepared["post"]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(post.fields).filter(([key]) => !OWN_FIELDS.has(key)));
}

/** A post or page as a list in a theme shows it. */
export function documentDrop(prepared: Prepared, withContent: boolean, config: Record<string, unknown> = {}): Record<string, unknown> {
  const { post, html } = prepared;
  const drop: Record<string, unknown> = {
    ...themeFields(post),
    title: post.title,
    url: post.permalink,
    date: post.date,
    categories: post.categories,
    tags: post.tags,
    layout: post.themeLayout ?? null,
    path: post.source,
    excerpt: jekyllExcerpt(prepared, config),
  };
  if (post.jekyll !== undefined) drop.id = post.jekyll.id;
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

function byTerm(posts: readonly Prepared[], terms: (p: Prepared) => readonly string[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  posts.forEach((p, i) => {
    for (const term of terms(p)) {
      const list = out[term] ?? [];
      list.push(i);
      out[term] = list;
    }
  });
  return out;
}
