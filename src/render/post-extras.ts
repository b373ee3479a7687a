/**
 * What a post imported from WordPress shows beyond its text: the featured image above it, its post
 * format as a small label, and its comments under it, read-only and threaded as they were, with
 * pingbacks and trackbacks listed apart. Everything readers wrote is escaped like any other text.
 */
import { displayDate } from "../format/dates.ts";
import type { CommentModel, PingModel, PostModel } from "../model/page-models.ts";
import type { SiteConfig } from "../model/site.ts";
import { builtHtml, type Html, html } from "./html.ts";

export function featuredImage(post: PostModel): Html | string {
  if (!post.featured) return "";
  return html`<figure class="featured-image"><img src="${post.featured.src}" alt="${post.featured.alt}"></figure>`;
}

/** `gallery` → a label "Gallery". */
export function formatLabel(format: string | undefined): Html | string {
  if (!format) return "";
  return html` <span class="post-format">${format.charAt(0).toUpperCase()}${format.slice(1)}</span>`;
}

export function commentCountLabel(count: number): string {
  return count === 1 ? "1 comment" : `${count} comments`;
}

export function commentsSection(post: PostModel, site: SiteConfig): Html | string {
  const parts: Html[] = [];
  if (post.comments && post.comments.length > 0) {
    parts.push(html`<section id="comments" class="comments" aria-labelledby="comments-title">
<h2 id="comments-title">${commentCountLabel(post.commentCount ?? post.comments.length)}</h2>
<ol class="comment-list">${post.comments.map((c) => comment(c, site))}</ol>
</section>`);
  }
  if (post.pings && post.pings.length > 0) {
    parts.push(html`<section class="pings" aria-labelledby="pings-title">
<h2 id="pings-title">Pingbacks and trackbacks</h2>
<ol class="ping-list">${post.pings.map((p) => ping(p, site))}</ol>
</section>`);
  }
  return parts.length > 0 ? html`${parts}` : "";
}

function comment(c: CommentModel, site: SiteConfig): Html {
  // The commenter's site is theirs, not the blog's: rel says so (and that search engines need not follow it).
  const author = c.url ? html`<a href="${c.url}" rel="external nofollow ugc">${c.author}</a>` : html`${c.author}`;
  const when = c.date
    ? html` <a class="comment-date" href="#comment-${c.id}"><time datetime="${c.date}">${displayDate(c.date, site.lang, site.timezone)}</time></a>`
    : "";
  return html`<li id="comment-${c.id}" class="comment"><article>
<footer class="comment-meta"><b class="comment-author">${author}</b>${when}</footer>
<div class="comment-content">${c.html !== undefined ? builtHtml(c.html) : paragraphs(c.text ?? "")}</div>
</article>${c.replies.length > 0 ? html`<ol class="children">${c.replies.map((r) => comment(r, site))}</ol>` : ""}</li>`;
}

function ping(p: PingModel, site: SiteConfig): Html {
  const title = p.url ? html`<a href="${p.url}" rel="external nofollow ugc">${p.title || p.url}</a>` : html`${p.title}`;
  const when = p.date ? html` <time datetime="${p.date}">${displayDate(p.date, site.lang, site.timezone)}</time>` : "";
  return html`<li class="${p.type}">${title}${when}</li>`;
}

/** Plain text (a release published before comments kept their HTML) as paragraphs and line breaks, every piece escaped. */
function paragraphs(text: string): Html[] {
  return text
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== "")
    .map((p) => html`<p>${p.split("\n").map((line, i) => (i === 0 ? html`${line}` : html`<br>${line}`))}</p>`);
}
