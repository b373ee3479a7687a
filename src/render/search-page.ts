/** Search results: the posts found, best first, each with an excerpt that marks the words searched for. */

import { displayDate } from "../format/dates.ts";
import { href, listPagePath } from "../format/urls.ts";
import type { SearchDoc } from "../model/page-models.ts";
import { matches } from "../search/query.ts";
import { segments } from "../search/tokenize.ts";
import { type Html, html } from "./html.ts";
import { layout } from "./layout.ts";
import type { PageContext } from "./page-context.ts";
import { pagerNav } from "./pager.ts";
import { searchForm } from "./search-form.ts";

export interface SearchResults {
  query: string;
  words: string[];
  /** Results on this page, best first. */
  docs: SearchDoc[];
  total: number;
  page: number;
  pages: number;
}

/** Words of context shown around the first match. */
const WINDOW = 40;

export function searchPath(query: string): string {
  return `/search/${query.trim().replace(/\//g, " ")}/`;
}

export function renderSearchPage(ctx: PageContext, results: SearchResults): string {
  const { query, total } = results;
  const heading = query.trim() === "" ? "Search" : `Search results for \u201c${query.trim()}\u201d`;
  const count = query.trim() === "" ? "" : total === 0 ? "Nothing matched." : `${total} ${total === 1 ? "post" : "posts"} found.`;
  const items = results.docs.map(
    (doc) => html`<article class="entry">
<h2 class="entry-title"><a href="${href(doc.permalink)}">${doc.title}</a></h2>
<p class="meta"><time datetime="${doc.date}">${displayDate(doc.date, ctx.site.lang, ctx.site.timezone)}</time></p>
<p class="excerpt">${highlight(doc.text, results.words)}</p>
</article>`,
  );
  const body = html`<h1>${heading}${results.page > 1 ? ` \u2013 page ${results.page} of ${results.pages}` : ""}</h1>
${searchForm(query)}
${count ? html`<p class="count">${count}</p>` : ""}
${items}
${pager(results)}`;
  return layout(ctx, { title: heading, description: "", index: false, body });
}

/** An excerpt around the first word found, with each found word in `<mark>`; every piece escaped. */
export function highlight(text: string, words: readonly string[]): Html[] {
  const parts = segments(text);
  const first = parts.findIndex((s) => s.word !== null && matches(s.word, words));
  const start = first <= WINDOW / 4 ? 0 : first - WINDOW / 4;
  const out: Html[] = [];
  let seen = 0;
  let end = start;
  for (; end < parts.length && seen < WINDOW; end++) {
    const s = parts[end];
    if (s === undefined) break;
    if (s.word !== null) seen++;
    out.push(s.word !== null && matches(s.word, words) ? html`<mark>${s.text}</mark>` : html`${s.text}`);
  }
  if (start > 0) out.unshift(html`\u2026 `);
  if (end < parts.length) out.push(html` \u2026`);
  return out;
}

function pager(results: SearchResults): Html | string {
  const base = searchPath(results.query);
  return pagerNav(results.page, results.pages, (n) => listPagePath(base, n), { newer: "Better matches", older: "More results" });
}
