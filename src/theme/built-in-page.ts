/**
 * The built-in theme's input for each kind of page the engine serves: a post or page, the home page
 * and archives, search results, the 404. Values only the engine knows (display dates in the site's
 * language and time zone, table of contents, related posts, threaded comments, archive links, the
 * pager) come as data under `page.edgepress`, the key no Jekyll theme gives meaning to, so a theme's
 * own `page.comments` or `page.toc` switch keeps its meaning. docs/themes.md lists them. Pure.
 */
import { displayDate } from "../format/dates.ts";
import { href, listPagePath } from "../format/urls.ts";
import { PAGE_IDS } from "../model/page-ids.ts";
import type { CommentModel, Link, ListModel, PostModel, PostSummary, SearchDoc, TocEntry } from "../model/page-models.ts";
import { enginePath } from "../model/site.ts";
import type { PageContext } from "../render/page-context.ts";
import { builtInSite, headData } from "./built-in-head.ts";
import { escapeHtml } from "./escape-html.ts";
import type { ThemedInput } from "./render-page.ts";

export type BuiltInInput = Omit<ThemedInput, "origin" | "timezone">;

export function postPageInput(ctx: PageContext, post: PostModel, options: { index?: boolean } = {}): BuiltInInput {
  const { site } = ctx;
  const date = (iso: string) => displayDate(iso, site.lang, site.timezone);
  const isPost = post.layout === "post";
  const terms = (names: readonly string[], links: readonly Link[] | undefined) =>
    names.map((name) => {
      const link = links?.find((l) => l.title === name);
      return { name, href: link ? href(link.path) : null };
    });
  const categories = terms(post.categories, post.categoryLinks);
  const tags = terms(post.tags, post.tagLinks);
  const near = (link: Link | null) => (link === null ? null : { title: link.title, href: href(link.path) });
  const data = {
    ...headData(ctx, { title: post.title, description: post.description, article: post, index: options.index !== false }),
    post: {
      is_post: isPost,
      title: post.title,
      title_html: post.titleHtml ?? null,
      date: post.date,
      date_label: date(post.date),
      author: post.author || null,
      author_href: post.authorPath ? href(post.authorPath) : null,
      reading_minutes: post.readingMinutes ?? null,
      format_label: formatLabel(post.format),
      preview_label: post.preview === "draft" ? "Draft" : post.preview === "scheduled" ? `Scheduled for ${date(post.date)}` : null,
      featured: post.featured ?? null,
      toc: post.toc && post.toc.length > 0 ? tocItems(post.toc) : null,
      toc_html: tocHtml(post.toc ?? []),
      html: post.html,
      categories,
      tags,
      terms_html: isPost ? termsHtml(categories, tags) : "",
      related: (post.related ?? []).map((p) => ({ title: p.title, href: href(p.path), date: p.date, date_label: date(p.date) })),
      comments: (post.comments ?? []).map((c) => comment(c, date)),
      comment_count_label: commentCountLabel(post.commentCount ?? post.comments?.length ?? 0),
      pings: (post.pings ?? []).map((p) => ({
        type: p.type,
        title: p.title || null,
        url: p.url || null,
        date: p.date,
        date_label: p.date ? date(p.date) : null,
      })),
      prev: near(post.prev),
      next: near(post.next),
    },
  };
  // `content` is the body too, for a site's own `post` or `page` layout that draws a post naming no layout.
  const page = { title: post.title, url: post.permalink, date: post.date, categories: post.categories, tags: post.tags, edgepress: data };
  return { layout: post.layout, content: post.html, site: builtInSite(site), page };
}

/** The home page and every archive (category, tag, author, date): a page of post excerpts. */
export function listPageInput(ctx: PageContext, list: ListModel): BuiltInInput {
  const { site } = ctx;
  const heading = list.heading ?? (list.page > 1 ? `${site.title}` : null);
  const pageNote = list.page > 1 ? ` \u2013 page ${list.page} of ${list.pages}` : "";
  const title = list.heading ? list.heading + pageNote : list.page > 1 ? `Page ${list.page} of ${list.pages}` : null;
  const description = list.heading ? `${list.heading} \u2013 ${site.title}` : site.description;
  // An archive announces its own feed first, so a reader subscribing from a category gets that category.
  const feeds =
    list.feed && list.heading && list.base !== "/"
      ? [{ title: `${site.title} \u2013 ${list.heading} (RSS)`, path: list.feed, type: "application/rss+xml" as const }]
      : [];
  const data = {
    ...headData(ctx, { title, description, feeds }),
    list: {
      heading,
      page_note: pageNote,
      description: list.description || null,
      feed: list.feed ? href(list.feed) : null,
      feed_name: list.heading ?? site.title,
      entries: list.posts.map((p) => summary(ctx, p)),
      pager: pager(list.page, list.pages, (n) => enginePath(site, listPagePath(list.base, n))),
    },
  };
  return { layout: "list", content: "", site: builtInSite(site), page: { title, url: ctx.path, description, edgepress: data } };
}

export interface SearchResults {
  query: string;
  /** Results on this page, best first, each excerpt already marked up (search/excerpt.ts). */
  docs: Array<SearchDoc & { excerptHtml: string }>;
  total: number;
  page: number;
  pages: number;
}

export function searchPath(query: string): string {
  return `/search/${query.trim().replace(/\//g, " ")}/`;
}

export function searchPageInput(ctx: PageContext, results: SearchResults): BuiltInInput {
  const { site } = ctx;
  const { query, total } = results;
  const heading = query.trim() === "" ? "Search" : `Search results for \u201c${query.trim()}\u201d`;
  const count = query.trim() === "" ? null : total === 0 ? "Nothing matched." : `${total} ${total === 1 ? "post" : "posts"} found.`;
  const base = searchPath(query);
  const data = {
    ...headData(ctx, { title: heading, description: "", index: false }),
    search: {
      heading,
      page_note: results.page > 1 ? ` \u2013 page ${results.page} of ${results.pages}` : "",
      query,
      count,
      results: results.docs.map((doc) => ({
        title: doc.title,
        href: href(doc.permalink),
        date: doc.date,
        date_label: displayDate(doc.date, site.lang, site.timezone),
        excerpt_html: doc.excerptHtml,
      })),
      pager: pager(results.page, results.pages, (n) => listPagePath(base, n)),
    },
  };
  return { layout: "search", content: "", site: builtInSite(site), page: { title: heading, url: ctx.path, edgepress: data } };
}

/** The site's own 404 text (its `404.html`, published as written) when it has one, else the theme's. */
export function notFoundPageInput(ctx: PageContext): BuiltInInput {
  const data = {
    ...headData(ctx, { title: "Page not found", description: "", index: false }),
    not_found_html: ctx.site.notFoundHtml ?? null,
  };
  return { layout: "404", content: "", site: builtInSite(ctx.site), page: { title: "Page not found", url: ctx.path, edgepress: data } };
}

function summary(ctx: PageContext, post: PostSummary): Record<string, unknown> {
  return {
    title: post.title,
    title_html: post.titleHtml ?? null,
    href: href(post.permalink),
    date: post.date,
    date_label: displayDate(post.date, ctx.site.lang, ctx.site.timezone),
    author: post.author || null,
    reading_minutes: post.readingMinutes ?? null,
    comments_label: post.comments ? commentCountLabel(post.comments) : null,
    format_label: formatLabel(post.format),
    excerpt_html: post.excerptHtml,
    more: post.more,
  };
}

/** Links to the pages before and after this one: null when there is one page. */
function pager(page: number, pages: number, pathOf: (page: number) => string): Record<string, unknown> | null {
  if (pages <= 1) return null;
  return {
    newer: page > 1 ? { page: page - 1, href: href(pathOf(page - 1)) } : null,
    older: page < pages ? { page: page + 1, href: href(pathOf(page + 1)) } : null,
  };
}

/**
 * Lists of links drawn here rather than by a Liquid loop: a post with a dozen tags or sections would
 * spend most of its render in the loop (about 4 µs a value). The lists are also data (`categories`,
 * `tags`, `toc`) for a theme that draws them its own way.
 */
function termsHtml(categories: Term[], tags: Term[]): string {
  const names = (list: Term[], rel: string) =>
    list
      .map((t) => (t.href === null ? escapeHtml(t.name) : `<a rel="${rel}" href="${escapeHtml(t.href)}">${escapeHtml(t.name)}</a>`))
      .join(", ");
  const parts: string[] = [];
  if (categories.length > 0) parts.push(`Posted in ${names(categories, "category tag")}`);
  if (tags.length > 0) parts.push(`Tagged ${names(tags, "tag")}`);
  return parts.length > 0 ? `<p class="terms">${parts.join(". ")}.</p>` : "";
}

interface Term {
  name: string;
  href: string | null;
}

/** The table of contents: a navigation landmark named "Contents" the reader can fold away, nested lists of links. */
function tocHtml(entries: readonly TocEntry[]): string {
  if (entries.length === 0) return "";
  return `<nav id="${PAGE_IDS.toc}" class="toc" aria-label="Contents"><details open><summary>Contents</summary>${tocList(entries)}</details></nav>`;
}

function tocList(entries: readonly TocEntry[]): string {
  const items = entries.map(
    (e) => `<li><a href="#${escapeHtml(e.id)}">${escapeHtml(e.text)}</a>${e.children.length > 0 ? tocList(e.children) : ""}</li>`,
  );
  return `<ol>${items.join("")}</ol>`;
}

function tocItems(entries: readonly TocEntry[]): Array<Record<string, unknown>> {
  return entries.map((e) => ({ id: e.id, text: e.text, children: tocItems(e.children) }));
}

/** A reader's comment: everything they wrote is escaped like any other text, replies nested as on WordPress. */
function comment(c: CommentModel, date: (iso: string) => string): Record<string, unknown> {
  return {
    id: c.id,
    author: c.author,
    // The commenter's site is theirs, not the blog's: the template marks the link so.
    url: c.url || null,
    date: c.date,
    date_label: c.date ? date(c.date) : null,
    html: c.html ?? paragraphs(c.text ?? ""),
    replies: c.replies.map((r) => comment(r, date)),
  };
}

/** `gallery` → a label "Gallery". */
function formatLabel(format: string | undefined): string | null {
  return format ? `${format.charAt(0).toUpperCase()}${format.slice(1)}` : null;
}

function commentCountLabel(count: number): string {
  return count === 1 ? "1 comment" : `${count} comments`;
}

/** Plain text (a release published before comments kept their HTML) as paragraphs and line breaks, every piece escaped. */
function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== "")
    .map((p) => `<p>${p.split("\n").map(escapeHtml).join("<br>")}</p>`)
    .join("");
}
