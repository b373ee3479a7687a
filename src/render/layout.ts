/** The document around every HTML page: head, site header and navigation, footer. */
import { absoluteUrl, href } from "./format.ts";
import { builtHtml, type Html, html } from "./html.ts";
import type { PageContext } from "./page-context.ts";
import { STYLES } from "./styles.ts";

export interface LayoutOptions {
  /** Text of `<title>`; the site title is appended unless this is the home page. */
  title: string | null;
  description: string;
  /** Set to false on pages search engines should not index (404). */
  index?: boolean;
  body: Html;
}

export function layout(ctx: PageContext, options: LayoutOptions): string {
  const { site } = ctx;
  const pageTitle = options.title ? `${options.title} \u2013 ${site.title}` : site.title;
  const canonical = absoluteUrl(ctx.origin, ctx.path);
  const nav = site.nav.map(
    (link) => html`<li><a href="${href(link.path)}"${link.path === ctx.path ? html` aria-current="page"` : ""}>${link.title}</a></li>`,
  );
  const page = html`<!DOCTYPE html>
<html lang="${site.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${pageTitle}</title>
${options.description ? html`<meta name="description" content="${options.description}">` : ""}
${options.index === false ? html`<meta name="robots" content="noindex">` : html`<link rel="canonical" href="${canonical}">`}
<link rel="alternate" type="application/rss+xml" title="${site.title}" href="/feed/">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>${builtHtml(STYLES)}</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site"><div class="wrap">
<a class="brand" href="/">${site.title}</a>
${nav.length > 0 ? html`<nav class="site-nav" aria-label="Pages"><ul>${nav}</ul></nav>` : ""}
${site.description ? html`<p class="tagline">${site.description}</p>` : ""}
</div></header>
<main id="main" class="wrap">
${options.body}
</main>
<footer class="site"><div class="wrap">
<p><a href="/">${site.title}</a> \u00b7 <a href="/feed/">RSS feed</a></p>
</div></footer>
</body>
</html>
`;
  return page.toString();
}
