/** The document around every HTML page: head, site header and navigation, footer. */

import { absoluteUrl, href } from "../format/urls.ts";
import type { PostModel } from "../model/page-models.ts";
import { enginePath } from "../model/site.ts";
import { builtHtml, type Html, html } from "./html.ts";
import type { PageContext } from "./page-context.ts";
import { seoHead } from "./seo.ts";
import { siteNav } from "./site-nav.ts";
import { STYLES } from "./styles.ts";

/** A feed a page announces with `<link rel="alternate">` so readers can subscribe from any page. */
export interface FeedLink {
  title: string;
  path: string;
  type: "application/rss+xml" | "application/atom+xml" | "application/feed+json";
}

export interface LayoutOptions {
  /** Text of `<title>`; the site title is appended unless this is the home page. */
  title: string | null;
  description: string;
  /** Set to false on pages search engines should not index (404). */
  index?: boolean;
  body: Html;
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

export function layout(ctx: PageContext, options: LayoutOptions): string {
  const { site } = ctx;
  const pageTitle = options.title ? `${options.title} \u2013 ${site.title}` : site.title;
  // Search results and link previews need a description on every page; the site's tagline is the fallback.
  const description = options.description || site.description;
  const canonical = absoluteUrl(ctx.origin, ctx.path);
  const indexed = options.index !== false;
  const feeds = [...(options.feeds ?? []), ...siteFeeds(site.title)].map((feed) => ({ ...feed, path: enginePath(site, feed.path) }));
  const page = html`<!DOCTYPE html>
<html lang="${site.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${pageTitle}</title>
${description ? html`<meta name="description" content="${description}">` : ""}
${indexed ? html`<link rel="canonical" href="${canonical}">` : html`<meta name="robots" content="noindex">`}
${indexed ? seoHead(ctx, { title: pageTitle, headline: options.title ?? site.title, description, article: options.article ?? null }) : ""}
${feeds.map((feed) => html`<link rel="alternate" type="${feed.type}" title="${feed.title}" href="${href(feed.path)}">`)}
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<meta name="theme-color" content="#fdfcfa" media="(prefers-color-scheme: light)">
<meta name="theme-color" content="#15171a" media="(prefers-color-scheme: dark)">
<style>${builtHtml(STYLES)}</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site"><div class="wrap">
<a class="brand" href="/">${site.title}</a>
${siteNav(site.nav, ctx.path)}
${site.description ? html`<p class="tagline">${site.description}</p>` : ""}
</div></header>
<main id="main" class="wrap">
${options.body}
</main>
<footer class="site"><div class="wrap">
<p><a href="/">${site.title}</a> \u00b7 Subscribe: <a href="${href(enginePath(site, "/feed/"))}">RSS</a>, <a href="${href(enginePath(site, "/feed/atom/"))}">Atom</a>, <a href="${href(enginePath(site, "/feed.json"))}">JSON Feed</a></p>
</div></footer>
</body>
</html>
`;
  return page.toString();
}
