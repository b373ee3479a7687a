/** Site-wide settings, read from the content folder's `_config.yml` by the publisher and stored in each release. */
export interface NavLink {
  title: string;
  /** A path on the site, or a full address elsewhere. */
  path: string;
  /** A submenu (from `_data/navigation.yml`). */
  children?: NavLink[];
}

export interface SiteConfig {
  title: string;
  description: string;
  /** Canonical origin (`https://blog.example`), or null to use the origin each request arrives at. */
  url: string | null;
  /** BCP 47 language tag for `<html lang>` and the feeds. */
  lang: string;
  /** Default author for posts that name none. */
  author: string;
  /** IANA zone used to read dates written without one. */
  timezone: string;
  /** Permalink pattern for posts without one of their own. */
  permalink: string;
  postsPerPage: number;
  /** Number of newest posts, with full content, in each feed. */
  feedSize: number;
  /** Links in the header, in order: `_data/navigation.yml`'s `main` menu, else the `layout: page` files. */
  nav: NavLink[];
  /** The site's own stylesheet, `/assets/css/custom.css` (or compiled from `custom.scss`), linked after the built-in theme's styles. */
  customCss?: string;
  /** The body of the site's own 404 page (its `404.html` or `404.md`), as HTML; absent: the standard one. */
  notFoundHtml?: string;
  /**
   * The engine's own pages that moved aside because a post or page of the author's has their address
   * (`/feed/` → `/index.php/feed/`); absent when none did.
   */
  moved?: Record<string, string>;
}

/** Where one of the engine's own pages (a feed, a list, the sitemap) answers: its address, unless it moved aside. */
export function enginePath(site: Pick<SiteConfig, "moved">, path: string): string {
  return site.moved?.[path] ?? path;
}

export const DEFAULT_SITE: SiteConfig = {
  title: "My Blog",
  description: "",
  url: null,
  lang: "en",
  author: "",
  timezone: "UTC",
  permalink: "/:year/:month/:slug/",
  postsPerPage: 10,
  feedSize: 10,
  nav: [],
};
