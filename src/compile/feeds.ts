/**
 * The feeds that follow a list of posts. Each list (the home page, every archive) gets its feeds under
 * `<base>feed/`, as WordPress serves them; more formats add entries here, beside RSS.
 */

import type { FeedModel } from "../model/page-models.ts";
import type { View } from "../model/release.ts";
import type { SiteConfig } from "../model/site.ts";
import { feedModel } from "./lists.ts";
import { COMMENTS_FEED_PATH, type OldFeed } from "./old-addresses.ts";
import type { Prepared } from "./types.ts";

export interface FeedPage {
  path: string;
  view: View;
  model: FeedModel;
}

/** Path of the main feed of the list at `base` (`/` → `/feed/`, `/tag/x/` → `/tag/x/feed/`). */
export function feedPath(base: string): string {
  return `${base}feed/`;
}

/**
 * Feeds for the posts listed at `base` (newest first), titled `title`, at most `site.feedSize` items.
 * Every list gets RSS at `<base>feed/`; the site as a whole also gets Atom at `/feed/atom/` and JSON
 * Feed at `/feed.json`, where WordPress and feed readers look for them. The first entry is the one
 * pages announce first.
 */
export function feedsFor(base: string, title: string, posts: readonly Prepared[], site: SiteConfig): FeedPage[] {
  const items = posts.slice(0, site.feedSize);
  const feeds: FeedPage[] = [{ path: feedPath(base), view: "rss", model: feedModel(title, base, feedPath(base), items) }];
  if (base === "/") {
    feeds.push({ path: "/feed/atom/", view: "atom", model: feedModel(title, base, "/feed/atom/", items) });
    feeds.push({ path: "/feed.json", view: "json", model: feedModel(title, base, "/feed.json", items) });
  }
  return feeds;
}

/**
 * The site's own old feed, where its subscribers still poll it: the newest posts, in the format they
 * subscribed to, each entry with the id that feed gave it (the post's Jekyll URL or Jekyll id).
 */
export function oldFeedPage(feed: OldFeed, title: string, posts: readonly Prepared[], site: SiteConfig): FeedPage {
  const model = feedModel(title, "/", feed.path, posts.slice(0, site.feedSize));
  model.items = model.items.map((item, i) => {
    const post = posts[i]?.post;
    const id = feed.ids === "id" ? post?.jekyll?.id : post?.jekyll?.url;
    return { ...item, id: feed.base + (id ?? item.permalink) };
  });
  return { path: feed.path, view: feed.format, model };
}

/** `/comments/feed/`: a valid RSS feed without items, so WordPress readers' comment subscriptions do not break. */
export function commentsFeedPage(title: string, posts: readonly Prepared[]): FeedPage {
  const model = feedModel(`Comments on ${title}`, "/", COMMENTS_FEED_PATH, []);
  model.updated = feedModel(title, "/", COMMENTS_FEED_PATH, posts.slice(0, 1)).updated;
  return { path: COMMENTS_FEED_PATH, view: "rss", model };
}
