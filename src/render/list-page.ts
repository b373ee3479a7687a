/** The home page and every archive (category, tag, author, date): a page of post excerpts with links to the pages around it. */

import { displayDate } from "../format/dates.ts";
import { href, listPagePath } from "../format/urls.ts";
import type { ListModel, PostSummary } from "../model/page-models.ts";
import { enginePath } from "../model/site.ts";
import { builtHtml, type Html, html, trustedPostHtml } from "./html.ts";
import { type LayoutOptions, layout } from "./layout.ts";
import type { PageContext } from "./page-context.ts";
import { pagerNav } from "./pager.ts";
import { commentCountLabel, formatLabel } from "./post-extras.ts";
import { readingTime } from "./reading-time.ts";
import { searchForm } from "./search-form.ts";

export function renderListPage(ctx: PageContext, list: ListModel): string {
  const { title, description, body, feeds } = listPage(ctx, list);
  return layout(ctx, { title, description, body, feeds });
}

/** The list itself, without the document around it: what a site's own theme frames too. */
export function listPage(ctx: PageContext, list: ListModel): Required<Pick<LayoutOptions, "title" | "description" | "body" | "feeds">> {
  const { site } = ctx;
  const entries = list.posts.map((post) => summary(ctx, post));
  const heading = list.heading ?? (list.page > 1 ? `${site.title}` : null);
  const pageNote = list.page > 1 ? ` \u2013 page ${list.page} of ${list.pages}` : "";
  const body = html`${heading ? html`<h1>${heading}${pageNote}</h1>` : html`<h1 class="skip">${site.title}</h1>`}
${list.description ? html`<p class="archive-description">${list.description}</p>` : ""}
${list.feed ? html`<p class="archive-feed"><a href="${href(list.feed)}" type="application/rss+xml">Feed of ${list.heading ?? site.title}</a></p>` : ""}
${entries.length > 0 ? entries : html`<p>Nothing has been published here yet.</p>`}
${pager(list, site)}
${searchForm("")}`;
  const title = list.heading ? list.heading + pageNote : list.page > 1 ? `Page ${list.page} of ${list.pages}` : null;
  const description = list.heading ? `${list.heading} \u2013 ${site.title}` : site.description;
  // An archive announces its own feed first, so a reader subscribing from a category gets that category.
  const feeds =
    list.feed && list.heading && list.base !== "/"
      ? [{ title: `${site.title} \u2013 ${list.heading} (RSS)`, path: list.feed, type: "application/rss+xml" as const }]
      : [];
  return { title, description, body, feeds };
}

function summary(ctx: PageContext, post: PostSummary): Html {
  const link = href(post.permalink);
  return html`<article class="entry">
<h2 class="entry-title"><a href="${link}">${post.titleHtml !== undefined ? builtHtml(post.titleHtml) : post.title}</a></h2>
<p class="meta"><time datetime="${post.date}">${displayDate(post.date, ctx.site.lang, ctx.site.timezone)}</time>${
    post.author ? html` \u00b7 ${post.author}` : ""
  }${readingTime(post.readingMinutes)}${post.comments ? html` \u00b7 <a href="${link}#comments">${commentCountLabel(post.comments)}</a>` : ""}${formatLabel(post.format)}</p>
<div class="excerpt">${trustedPostHtml(post.excerptHtml)}</div>
${post.more ? html`<p><a class="more" href="${link}#more">Continue reading<span class="skip"> ${post.title}</span> \u2192</a></p>` : ""}
</article>`;
}

function pager(list: ListModel, site: PageContext["site"]): Html | string {
  return pagerNav(list.page, list.pages, (n) => enginePath(site, listPagePath(list.base, n)), {
    newer: "Newer posts",
    older: "Older posts",
  });
}
