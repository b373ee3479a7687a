/** Site-wide settings, read from the content folder's `_config.yml` by the publisher and stored in each release. */
import type { PostModel } from "./page-models.ts";

export interface NavLink {
  title: string;
  /** A path on the site, or a full address elsewhere. */
  path: string;
  /** A submenu (from `_data/navigation.yml`). */
  children?: NavLink[];
}

/** A link to the author elsewhere, drawn in the built-in footer. */
export interface SocialLink {
  /** The network's name as shown (`GitHub`), or the key as written. */
  name: string;
  href: string;
}

export interface SiteLook {
  /** The image beside the title in the header (`logo:` or `avatar:`), a path on the site or an http(s) address. */
  logo?: string;
  /** A CSS colour for links and accents, checked to be one (content/look/css-colour.ts). */
  accent?: string;
  social?: SocialLink[];
  /** Footer text, shown escaped. */
  footer?: string;
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
  /** Links in the header, in order: `_config.yml`'s `nav:` (read into this), its `header_pages:`, `_data/navigation.yml`'s `main` menu, else the `layout: page` files. */
  nav: NavLink[];
  /** What `_config.yml` sets for the built-in theme's look (content/look/site-look.ts); only the built-in templates read it. */
  look?: SiteLook;
  /** minima's `header_pages`: the page files the header links, in order (publish only: resolved into `nav`). */
  headerPages?: string[];
  /** The site's own stylesheet, `/assets/css/custom.css` (or compiled from `custom.scss`), linked after the built-in theme's styles. */
  customCss?: string;
  /** The body of the site's own 404 page (its `404.html` or `404.md`), as HTML; absent: the standard one. */
  notFoundHtml?: string;
  /**
   * The site's own 404 page as its theme draws any page, when it names a layout the site has: drawn in
   * that layout with its title, as Jekyll draws it; absent: `notFoundHtml` in the engine's 404 frame.
   */
  notFoundPage?: PostModel;
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
