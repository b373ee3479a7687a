/** The posts listed under a post as related (chosen at publish time: compile/related.ts), each with its date. */
import { displayDate } from "../format/dates.ts";
import { href } from "../format/urls.ts";
import { PAGE_IDS } from "../model/page-ids.ts";
import type { RelatedPost } from "../model/page-models.ts";
import type { SiteConfig } from "../model/site.ts";
import { type Html, html } from "./html.ts";

export function relatedPostsNav(related: readonly RelatedPost[] | undefined, site: SiteConfig): Html | string {
  if (!related || related.length === 0) return "";
  return html`<nav class="related" aria-labelledby="${PAGE_IDS.related}">
<h2 id="${PAGE_IDS.related}">Related posts</h2>
<ul>${related.map(
    (p) =>
      html`<li><a href="${href(p.path)}">${p.title}</a> <time datetime="${p.date}">${displayDate(p.date, site.lang, site.timezone)}</time></li>`,
  )}</ul>
</nav>`;
}
