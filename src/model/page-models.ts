/**
 * What the publisher stores for each page and the Worker puts into its template: plain data. Post
 * bodies arrive as finished HTML: Markdown is rendered once, at publish time, never per request.
 * Each model is one content-addressed KV value (see store/keys.ts).
 */
import type { PageCsp } from "./csp.ts";
import type { ThemedPage } from "./theme.ts";

export interface Link {
  title: string;
  path: string;
}

/** A section of a post in its table of contents: the heading's id and text, and the sections under it. */
export interface TocEntry {
  id: string;
  text: string;
  children: TocEntry[];
}

/** Another post on the same subject, listed under a post. */
export interface RelatedPost {
  title: string;
  path: string;
  date: string;
}

/** The picture that stands for a post in link previews (Open Graph) and search results (JSON-LD). */
export interface PostImage {
  /** As the post wrote it: root-relative, relative to the post, or absolute. */
  src: string;
  alt: string;
  width?: number;
  height?: number;
}

/** A post as it appears in lists: home page, archives. */
export interface PostSummary {
  title: string;
  /** The title with its inline markup (a WordPress title's `<em>`), for the heading; plain `title` everywhere else. */
  titleHtml?: string;
  permalink: string;
  date: string;
  author: string;
  /** Balanced HTML: the part before `<!--more-->`, or the author's excerpt, or the opening words. */
  excerptHtml: string;
  /** Whether the post goes on past the excerpt (shows a "Continue reading" link). */
  more: boolean;
  categories: string[];
  tags: string[];
  /** Minutes an average reader takes (absent in releases made before it existed). */
  readingMinutes?: number;
  /** Approved comments shown under the post (absent when none). */
  comments?: number;
  /** WordPress's post format (`gallery`, `aside`, …), shown as a label. */
  format?: string;
}

/** A reader's comment, shown read-only under its post; replies nest as they did on WordPress. */
export interface CommentModel {
  id: string;
  author: string;
  /** The commenter's site, when they gave one. */
  url: string | null;
  date: string | null;
  /** The comment as WordPress showed it: its allowed HTML, sanitized at publish (compile/comment-html.ts). */
  html?: string;
  /** Plain text (paragraphs by blank lines, breaks by newlines): what releases before `html` stored. */
  text?: string;
  replies: CommentModel[];
}

/** A pingback or trackback: another site that linked to the post. */
export interface PingModel {
  title: string;
  url: string | null;
  date: string | null;
  type: string;
}

export interface PostModel {
  kind: "post";
  layout: "post" | "page";
  id: string | null;
  title: string;
  /** The title with its inline markup, sanitized at publish, for the page's heading; `title` is the plain text. */
  titleHtml?: string;
  permalink: string;
  date: string;
  updated: string | null;
  author: string;
  categories: string[];
  tags: string[];
  /** Plain text for `<meta name="description">` and social cards. */
  description: string;
  /** The body as HTML, rendered at publish time (Markdown, shortcodes, WordPress repairs). */
  html: string;
  prev: Link | null;
  next: Link | null;
  /** Archive links for the post's categories and tags, and its author (posts only). */
  categoryLinks?: Link[];
  tagLinks?: Link[];
  authorPath?: string | null;
  /** What this page's Content-Security-Policy must allow (absent in releases made before it existed). */
  csp?: PageCsp;
  /** Sections, when the post shows a table of contents. */
  toc?: TocEntry[];
  /** Minutes an average reader takes (posts). */
  readingMinutes?: number;
  /** Up to three posts on the same subject (posts). */
  related?: RelatedPost[];
  /** The post's picture for link previews and search results (`image:`, else its first picture). */
  image?: PostImage;
  /** The featured image (WordPress's, as `image:` in front matter), shown above the post. */
  featured?: { src: string; alt: string };
  format?: string;
  /** Threaded comments, oldest first. */
  comments?: CommentModel[];
  /** Number of comments, replies included. */
  commentCount?: number;
  pings?: PingModel[];
  /** The site's own theme's layout for this page, and the front matter it reads (see model/theme.ts). */
  theme?: ThemedPage;
  /** Local preview only: a draft, or a post scheduled for its date, labelled so on the page. */
  preview?: "draft" | "scheduled";
}

export interface ListModel {
  kind: "list";
  /** Heading above the list, or null on the home page. */
  heading: string | null;
  /** The archive's description (a WordPress category's), as plain text. */
  description?: string;
  /** First page's path: `/` or `/category/news/`; page N lives at `<base>page/N/`. */
  base: string;
  page: number;
  pages: number;
  posts: PostSummary[];
  /** Newest date among the listed posts, for Last-Modified. */
  updated: string;
  /** The archive's own feed, when it has one. */
  feed?: string;
  /** What this page's Content-Security-Policy must allow (its excerpts' scripts and embeds). */
  csp?: PageCsp;
}

export interface FeedItem {
  title: string;
  permalink: string;
  date: string;
  updated: string | null;
  author: string;
  categories: string[];
  /** The export's guid (WordPress: `http://site/?p=278`), kept so feed readers see no duplicates. */
  guid: string | null;
  /**
   * The id the site's old feed gave this entry (a path on this site, made absolute when rendered),
   * for a feed served at that old address: its subscribers then see no duplicates.
   */
  id?: string;
  /** Plain-text summary. */
  summary: string;
  /** The full post as HTML, links still relative to the site. */
  html: string;
}

export interface FeedModel {
  kind: "feed";
  title: string;
  /** The HTML page this feed follows. */
  home: string;
  /** The feed's own path. */
  self: string;
  updated: string;
  items: FeedItem[];
}

/** `/sitemap.xml`: every URL with its last change, or (over 50,000 URLs) the list of sitemap files. */
export interface SitemapModel {
  kind: "sitemap";
  /** True for a sitemap index, whose entries are other sitemaps. */
  index: boolean;
  /** `[path, ISO lastmod]`; lastmod is "" for a page that has no date. */
  urls: Array<[string, string]>;
}

export type PageModel = PostModel | ListModel | FeedModel | SitemapModel;

/** One search shard: every indexed word starting with the shard's letters → `[document, weight]`, best first. */
export interface SearchShard {
  kind: "search-shard";
  terms: Record<string, Array<[number, number]>>;
}

export interface SearchDoc {
  title: string;
  permalink: string;
  date: string;
  /** Opening plain text, for the excerpt a result shows with the words found highlighted. */
  text: string;
}

/** A run of consecutive search documents: document n is entry `n - first`. */
export interface SearchDocs {
  kind: "search-docs";
  first: number;
  docs: SearchDoc[];
}
