/** Lists of posts as pages and feeds: the home page, every archive, and their RSS. */
import type { Post } from "../content/post.ts";
import type { FeedItem, FeedModel, ListModel, PostSummary } from "../model/page-models.ts";
import type { Prepared } from "./types.ts";

export function summaryOf({ post, excerpt, article, extras }: Prepared): PostSummary {
  const summary: PostSummary = {
    title: post.title,
    permalink: post.permalink,
    date: post.date,
    author: post.author,
    excerptHtml: excerpt.html,
    more: excerpt.more,
    categories: post.categories,
    tags: post.tags,
    readingMinutes: article.readingMinutes,
  };
  if (extras && extras.commentCount > 0) summary.comments = extras.commentCount;
  if (extras?.format) summary.format = extras.format;
  if (extras?.titleHtml) summary.titleHtml = extras.titleHtml;
  return summary;
}

/** Splits posts into list pages: `<base>`, `<base>page/2/`, … (WordPress's addresses). */
export function listPages(
  base: string,
  heading: string | null,
  posts: readonly Prepared[],
  perPage: number,
  feed: string | null = null,
): Array<[string, ListModel]> {
  const pages = Math.max(1, Math.ceil(posts.length / perPage));
  const result: Array<[string, ListModel]> = [];
  for (let page = 1; page <= pages; page++) {
    const slice = posts.slice((page - 1) * perPage, page * perPage);
    const model: ListModel = {
      kind: "list",
      heading,
      base,
      page,
      pages,
      posts: slice.map(summaryOf),
      updated: newestDate(slice.map((p) => p.post)),
    };
    if (feed !== null) model.feed = feed;
    result.push([page === 1 ? base : `${base}page/${page}/`, model]);
  }
  return result;
}

export function newestDate(posts: readonly Post[]): string {
  let newest = new Date(0).toISOString();
  for (const p of posts) {
    const d = p.updated && p.updated > p.date ? p.updated : p.date;
    if (d > newest) newest = d;
  }
  return newest;
}

export function feedModel(title: string, home: string, self: string, posts: readonly Prepared[]): FeedModel {
  const items: FeedItem[] = posts.map(({ post, excerpt, html }) => ({
    title: post.title,
    permalink: post.permalink,
    date: post.date,
    updated: post.updated,
    author: post.author,
    categories: [...post.categories, ...post.tags],
    guid: post.guid,
    summary: excerpt.summary,
    html,
  }));
  return { kind: "feed", title, home, self, updated: newestDate(posts.map((p) => p.post)), items };
}
