/** The shape of a post or page once its source file has been read and checked. */
export type Layout = "post" | "page";

/**
 * The date of a page written without one (an About page): it sorts last and is never shown or
 * claimed as a modification time (the sitemap leaves its lastmod out).
 */
export const UNDATED = new Date(0).toISOString();

export interface Post {
  /** Path of the source file relative to the content folder, for messages. */
  source: string;
  /** WordPress post id (the `?p=` number), when the export has one. */
  id: string | null;
  /** Plain text: entities in the source are decoded, so templates escape it exactly once. */
  title: string;
  /** ISO 8601 in UTC. */
  date: string;
  /** ISO 8601 in UTC, from `last_modified_at`/`modified`/`updated` when present. */
  updated: string | null;
  author: string;
  layout: Layout;
  /** Decoded, NFC-normalised path that starts with `/` (see permalink.ts). */
  permalink: string;
  guid: string | null;
  categories: string[];
  tags: string[];
  /** The author's own excerpt from front matter, as plain text. */
  excerpt: string | null;
  /** Old paths that answer 301 to this post. */
  redirectFrom: string[];
  /** Front matter keys the engine does not use: kept with the post, never shown. */
  fields: Record<string, unknown>;
  /** Markdown (with raw HTML) after the front matter. */
  body: string;
  /** 1-based line of the source where `body` starts, for messages about the text. */
  bodyLine?: number;
  /** 1-based line of each front matter key in the source, for messages about this post. */
  keyLines: Record<string, number>;
  /**
   * Where the keys the file does not write came from: a `_config.yml` default's file and line
   * (content/jekyll/defaults.ts), so a message about such a value points at the line that holds it.
   */
  keyOrigins?: Record<string, { file: string; line: number }>;
  /**
   * A post or page of a Jekyll site: the URL Jekyll gave it (decoded; see content/jekyll/post-address.ts),
   * and a post's Jekyll `id`, as its old feed named it (pages and collections' documents have none here).
   */
  jekyll?: { url: string; id?: string };
  /** The layout the front matter names (`single`, `home`, …): the theme's, kept to recognise pages a layout filled. */
  themeLayout?: string;
  /** Local preview only: shown although unpublished (a draft) or before its date (scheduled), and labelled so. */
  preview?: "draft" | "scheduled";
}

/**
 * A post's or page's URL as templates see it (`page.url`, `{% link %}`, `{% post_url %}`): Jekyll's,
 * which may end without the `.html` of the file it wrote (`permalink: /topics/jekyll` is written to
 * `topics/jekyll.html`; we serve that path and redirect the other), else the path we serve.
 */
export function templateUrl(post: Pick<Post, "permalink" | "jekyll">): string {
  return post.jekyll?.url ?? post.permalink;
}
