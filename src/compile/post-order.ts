/**
 * The order of posts newest first, as each source orders them: Jekyll sorts documents by date and then
 * by path (Document#<=>, compared bytewise) and lists `site.posts` the other way round, so of two posts
 * of one date the later path comes first (chirpy's home page shows it first); other posts of one date
 * go by address, as do pages.
 */
import type { Post } from "../content/post.ts";

export function newestFirst(a: Post, b: Post): number {
  const byDate = b.date.localeCompare(a.date);
  if (byDate !== 0) return byDate;
  if (a.layout === "post" && b.layout === "post" && a.jekyll !== undefined && b.jekyll !== undefined)
    return a.source < b.source ? 1 : a.source > b.source ? -1 : 0;
  return a.permalink.localeCompare(b.permalink);
}
