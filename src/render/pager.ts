/** Links to the pages before and after this one, for any paged list (archives, the home page, search). */
import { href } from "../format/urls.ts";
import { type Html, html } from "./html.ts";

export function pagerNav(
  page: number,
  pages: number,
  pathOf: (page: number) => string,
  labels: { newer: string; older: string },
): Html | string {
  if (pages <= 1) return "";
  const newer = page > 1 ? pathOf(page - 1) : null;
  const older = page < pages ? pathOf(page + 1) : null;
  return html`<nav class="pager" aria-label="Pages">
${newer ? html`<a class="prev" rel="prev" href="${href(newer)}"><span>${labels.newer}</span>Page ${page - 1}</a>` : ""}
${older ? html`<a class="next" rel="next" href="${href(older)}"><span>${labels.older}</span>Page ${page + 1}</a>` : ""}
</nav>`;
}
