/**
 * The feeds that follow a list of posts. Each list (the home page, every archive) gets its feeds under
 * `<base>feed/`, as WordPress serves them; more formats add entries here, beside RSS.
 */

import type { FeedModel } from "../model/page-models.ts";
import type { View } from "../model/release.ts";
import type { SiteConfig } from "../model/site.ts";
import { feedModel, type Prepared } from "./lists.ts";

export interface FeedPage {
  path: string;
  view: View;
  model: FeedModel;
}

/** Path of the main feed of the list at `base` (`/` → `/feed/`, `/tag/x/` → `/tag/x/feed/`). */
export function feedPath(base: string): string {
  return `${base}feed/`;
}

/** Feeds for the posts listed at `base` (newest first), titled `title`, at most `site.feedSize` items. */
export function feedsFor(base: string, title: string, posts: readonly Prepared[], site: SiteConfig): FeedPage[] {
  const items = posts.slice(0, site.feedSize);
  return [{ path: feedPath(base), view: "rss", model: feedModel(title, base, feedPath(base), items) }];
}
