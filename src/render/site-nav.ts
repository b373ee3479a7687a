/**
 * The site's navigation in the header: the pages, or the menu of `_data/navigation.yml` with its
 * submenus. Menu entries may point off the site (a WordPress menu's custom links); only web and mail
 * addresses are linked, never `javascript:`.
 */
import { href } from "../format/urls.ts";
import type { NavLink } from "../model/site.ts";
import { type Html, html } from "./html.ts";

export function siteNav(links: readonly NavLink[], current: string): Html | string {
  if (links.length === 0) return "";
  return html`<nav class="site-nav" aria-label="Site"><ul>${items(links, current)}</ul></nav>`;
}

function items(links: readonly NavLink[], current: string): Html[] {
  return links.map((link) => {
    const target = linkTarget(link.path);
    const here = link.path === current ? html` aria-current="page"` : "";
    const label = target === null ? html`<span>${link.title}</span>` : html`<a href="${target}"${here}>${link.title}</a>`;
    const sub = link.children && link.children.length > 0 ? html`<ul>${items(link.children, current)}</ul>` : "";
    return html`<li>${label}${sub}</li>`;
  });
}

/** An href for a menu entry, or null for one that must not be a link. */
export function linkTarget(path: string): string | null {
  if (path.startsWith("/") && !path.startsWith("//")) return /[%?#]/.test(path) ? path : href(path);
  return /^(?:https?:\/\/|mailto:)/i.test(path) ? path : null;
}
