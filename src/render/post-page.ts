/** A single post or page. */

import { displayDate } from "../format/dates.ts";
import { href } from "../format/urls.ts";
import type { Link, PostModel } from "../model/page-models.ts";
import { builtHtml, type Html, html, trustedPostHtml } from "./html.ts";
import { layout } from "./layout.ts";
import type { PageContext } from "./page-context.ts";
import { commentsSection, featuredImage, formatLabel } from "./post-extras.ts";
import { readingTime } from "./reading-time.ts";
import { relatedPostsNav } from "./related.ts";
import { tableOfContents } from "./toc.ts";

/** `index: false` for a page search engines must not index (a shared draft): `noindex`, no canonical link. */
export function renderPostPage(ctx: PageContext, post: PostModel, options: { index?: boolean } = {}): string {
  const { site } = ctx;
  const isPost = post.layout === "post";
  const label =
    post.preview === "draft"
      ? html` <span class="post-format">Draft</span>`
      : post.preview === "scheduled"
        ? html` <span class="post-format">Scheduled for ${displayDate(post.date, site.lang, site.timezone)}</span>`
        : "";
  const meta = isPost
    ? html`<p class="meta"><time datetime="${post.date}">${displayDate(post.date, site.lang, site.timezone)}</time>${
        post.author
          ? html` \u00b7 ${post.authorPath ? html`<a rel="author" href="${href(post.authorPath)}">${post.author}</a>` : post.author}`
          : ""
      }${readingTime(post.readingMinutes)}${formatLabel(post.format)}${label}</p>`
    : label === ""
      ? ""
      : html`<p class="meta">${label}</p>`;
  const body = html`<article class="post">
<header>
<h1>${post.titleHtml !== undefined ? builtHtml(post.titleHtml) : post.title}</h1>
${meta}
</header>
${featuredImage(post)}
${tableOfContents(post.toc)}
<div class="content">
${trustedPostHtml(post.html)}
</div>
${isPost ? termsLine(post) : ""}
</article>
${relatedPostsNav(post.related, site)}
${commentsSection(post, site)}
${isPost ? postNav(post) : ""}`;
  return layout(ctx, { title: post.title, description: post.description, body, article: post, index: options.index !== false });
}

/** "Posted in A, B. Tagged x, y." with each name linking to its archive (names without one stay text). */
function termsLine(post: PostModel): Html | string {
  const parts: Html[] = [];
  const names = (list: readonly string[], links: readonly Link[] | undefined, rel: string) =>
    list.map((name, i) => {
      const link = links?.find((l) => l.title === name);
      const item = link ? html`<a rel="${rel}" href="${href(link.path)}">${name}</a>` : html`${name}`;
      return i === 0 ? item : html`, ${item}`;
    });
  if (post.categories.length > 0) parts.push(html`Posted in ${names(post.categories, post.categoryLinks, "category tag")}`);
  if (post.tags.length > 0) parts.push(html`Tagged ${names(post.tags, post.tagLinks, "tag")}`);
  return parts.length > 0 ? html`<p class="terms">${parts.map((p, i) => (i === 0 ? p : html`. ${p}`))}.</p>` : "";
}

function postNav(post: PostModel): Html | string {
  if (!post.prev && !post.next) return "";
  return html`<nav class="pager" aria-label="More posts">
${post.prev ? html`<a class="prev" rel="prev" href="${href(post.prev.path)}"><span>Previous post</span>${post.prev.title}</a>` : ""}
${post.next ? html`<a class="next" rel="next" href="${href(post.next.path)}"><span>Next post</span>${post.next.title}</a>` : ""}
</nav>`;
}
