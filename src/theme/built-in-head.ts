/**
 * What the built-in theme's `<head>`, header and footer show, worked out by the engine and handed to
 * the templates as `page.edgepress.*` (docs/themes.md lists them): the `<title>` text, description,
 * canonical address or noindex, Open Graph properties and JSON-LD (render/seo.ts), the feeds the page
 * announces and the site's navigation with the current page marked. Pure.
 */
import { absoluteUrl, href } from "../format/urls.ts";
import type { PostModel } from "../model/page-models.ts";
import { enginePath, type NavLink, type SiteConfig } from "../model/site.ts";
import type { PageContext } from "../render/page-context.ts";
import { jsonForScript, seoProperties, structuredData } from "../render/seo.ts";

/** A feed a page announces with `<link rel="alternate">` so readers can subscribe from any page. */
export interface FeedLink {
  title: string;
  path: string;
  type: "application/rss+xml" | "application/atom+xml" | "application/feed+json";
}

export interface HeadOptions {
  /** Text of `<title>`; the site title is appended unless this is the home page. */
  title: string | null;
  description: string;
  /** Set to false on pages search engines should not index (404, search, shared drafts). */
  index?: boolean;
  /** The post or page shown, for Open Graph and JSON-LD. */
  article?: PostModel;
  /** Feeds of this page's own archive (a category's feed), announced before the site's feeds. */
  feeds?: FeedLink[];
}

/** The site-wide feeds, announced on every page. */
export function siteFeeds(siteTitle: string): FeedLink[] {
  return [
    { title: `${siteTitle} (RSS)`, path: "/feed/", type: "application/rss+xml" },
    { title: `${siteTitle} (Atom)`, path: "/feed/atom/", type: "application/atom+xml" },
    { title: `${siteTitle} (JSON Feed)`, path: "/feed.json", type: "application/feed+json" },
  ];
}

/** `page.edgepress.*` every page of the built-in theme has. */
export function headData(ctx: PageContext, options: HeadOptions): Record<string, unknown> {
  const { site } = ctx;
  const title = options.title ? `${options.title} \u2013 ${site.title}` : site.title;
  // Search results and link previews need a description on every page; the site's tagline is the fallback.
  const description = options.description || site.description;
  const index = options.index !== false;
  const feeds = [...(options.feeds ?? []), ...siteFeeds(site.title)].map((feed) => ({
    title: feed.title,
    type: feed.type,
    href: href(enginePath(site, feed.path)),
  }));
  const data: Record<string, unknown> = {
    title,
    description: description || null,
    index,
    canonical: absoluteUrl(ctx.origin, ctx.path),
    feeds,
    feed_links: {
      rss: href(enginePath(site, "/feed/")),
      atom: href(enginePath(site, "/feed/atom/")),
      json: href(enginePath(site, "/feed.json")),
    },
    nav: navItems(site.nav, ctx.path),
  };
  if (index) {
    const facts = { title, headline: options.title ?? site.title, description, article: options.article ?? null };
    const url = absoluteUrl(ctx.origin, ctx.path);
    const seo = seoProperties(ctx, facts, url);
    data.og = seo.og.map(([property, content]) => ({ property, content }));
    data.twitter_card = seo.twitterCard;
    data.json_ld = jsonForScript(structuredData(ctx, facts, url));
  }
  return data;
}

/** The built-in theme's `site`: what its templates read of it. */
export function builtInSite(site: SiteConfig): Record<string, unknown> {
  return { title: site.title, description: site.description, lang: site.lang };
}

/**
 * The site's navigation: the pages, or the menu of `_data/navigation.yml` with its submenus. Menu
 * entries may point off the site (a WordPress menu's custom links); only web and mail addresses are
 * linked (`href`), never `javascript:` (`href` null: the template shows the title alone).
 */
function navItems(links: readonly NavLink[], current: string): Array<Record<string, unknown>> {
  return links.map((link) => ({
    title: link.title,
    href: linkTarget(link.path),
    current: link.path === current,
    children: navItems(link.children ?? [], current),
  }));
}

/** An href for a menu entry, or null for one that must not be a link. */
export function linkTarget(path: string): string | null {
  if (path.startsWith("/") && !path.startsWith("//")) return /[%?#]/.test(path) ? path : href(path);
  return /^(?:https?:\/\/|mailto:)/i.test(path) ? path : null;
}
