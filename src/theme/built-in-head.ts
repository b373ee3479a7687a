/**
 * What the built-in theme's `<head>`, header and footer show, worked out by the engine and handed to
 * the templates as `page.edgepress.*` (docs/themes.md lists them): the `<title>` text, description,
 * canonical address or noindex, Open Graph properties and JSON-LD as one piece of HTML (seo-head.ts), the feeds the page
 * announces and the site's navigation with the current page marked. Pure.
 */
import { absoluteUrl, href } from "../format/urls.ts";
import type { PostModel } from "../model/page-models.ts";
import { enginePath, type NavLink, type SiteConfig } from "../model/site.ts";
import type { PageContext } from "../render/page-context.ts";
import { escapeHtml } from "./escape-html.ts";
import { jsonForScript, seoProperties, structuredData } from "./seo-head.ts";

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
    nav_html: navHtml(site.nav, ctx.path),
    custom_css: site.customCss === undefined ? null : href(site.customCss),
    // The look `_config.yml` sets (content/look/site-look.ts): read by the built-in header, footer and head only.
    look: site.look ?? null,
  };
  if (index) {
    const facts = { title, headline: options.title ?? site.title, description, article: options.article ?? null };
    const url = absoluteUrl(ctx.origin, ctx.path);
    // One value, as jekyll-seo-tag's `{% seo %}` gives a Jekyll theme: a dozen properties drawn one by one would be most of a page's render.
    const seo = seoProperties(ctx, facts, url);
    const og = seo.og.map(([property, content]) => `<meta property="${escapeHtml(property)}" content="${escapeHtml(content)}">`).join("");
    data.seo_html = `${og}\n<meta name="twitter:card" content="${seo.twitterCard}">\n<script type="application/ld+json">${jsonForScript(structuredData(ctx, facts, url))}</script>`;
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

/** The navigation as the built-in header shows it (drawn here: a Liquid loop over a menu costs more than the rest of the header). */
function navHtml(links: readonly NavLink[], current: string): string {
  return links.length === 0 ? "" : `<nav class="site-nav" aria-label="Site"><ul>${navList(links, current)}</ul></nav>`;
}

function navList(links: readonly NavLink[], current: string): string {
  return links
    .map((link) => {
      const target = linkTarget(link.path);
      const here = link.path === current ? ` aria-current="page"` : "";
      const label =
        target === null ? `<span>${escapeHtml(link.title)}</span>` : `<a href="${escapeHtml(target)}"${here}>${escapeHtml(link.title)}</a>`;
      const sub = link.children && link.children.length > 0 ? `<ul>${navList(link.children, current)}</ul>` : "";
      return `<li>${label}${sub}</li>`;
    })
    .join("");
}

/** An href for a menu entry, or null for one that must not be a link. */
export function linkTarget(path: string): string | null {
  if (path.startsWith("/") && !path.startsWith("//")) return /[%?#]/.test(path) ? path : href(path);
  return /^(?:https?:\/\/|mailto:)/i.test(path) ? path : null;
}
