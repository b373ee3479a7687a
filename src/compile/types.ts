/** The shapes the site compiler passes between its steps, and hands to the store. */
import type { Post } from "../content/post.ts";
import type { PageCsp } from "../model/csp.ts";
import type { PageModel, SearchDocs, SearchShard } from "../model/page-models.ts";
import type { View } from "../model/release.ts";
import type { SiteConfig } from "../model/site.ts";
import type { ThemeModel } from "../model/theme.ts";
import type { Article } from "./article.ts";
import type { Excerpt } from "./excerpt.ts";
import type { PostExtras } from "./post-extras.ts";

/** A post with everything every page that shows it needs, worked out once per publish. */
export interface Prepared {
  post: Post;
  /** The body rendered to HTML: the only time Markdown is rendered. */
  html: string;
  excerpt: Excerpt;
  /** What the post's own page must allow (its HTML, the site's and its own allowances). */
  csp: PageCsp;
  /** What a list showing its excerpt must allow. */
  excerptCsp: PageCsp;
  /** What the post's own page adds: heading links, contents, reading time, preview picture. */
  article: Article;
  /** Sticky, post format, featured image and comments (see post-extras.ts), when the post has any. */
  extras?: PostExtras;
}

export interface BuiltPage {
  view: View;
  model: PageModel;
}

/** What the site serves from one moment on. */
export interface Snapshot {
  pages: Map<string, BuiltPage>;
  search: Map<string, SearchShard | SearchDocs>;
  /** The site's own theme, when it has one: its templates and Jekyll's `site` at this moment. */
  theme?: ThemeModel;
}

export interface SiteBuild extends Snapshot {
  site: SiteConfig;
  /** Old path → canonical path, answered with 301. */
  redirects: Map<string, string>;
  /**
   * WordPress ids → the path they lead to, keyed `<kind>:<id>` (see WORDPRESS_ID_KINDS): what
   * `/?p=`, `/?page_id=`, `/?cat=`, `/?author=` and `/?attachment_id=` ask for.
   */
  wordpressIds: Map<string, string>;
  /** Paths of the media files published beside the release as static assets: redirects may lead there. */
  assets: ReadonlySet<string>;
  /** Posts and pages served, newest first, including scheduled ones. */
  entries: Post[];
  /** Scheduled posts: what the site serves from each later post's date on (epoch ms), in time order. */
  later: Array<{ from: number } & Snapshot>;
  /** Drafts or future posts shown by a local preview are in it: it may never be published to a deployed site. */
  preview?: true;
}
