/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1) with full content. Pure: a feed model in, JSON out,
 * so archive feeds can reuse it with their own model.
 */

import { rfc3339 } from "../format/dates.ts";
import { absoluteUrl } from "../format/urls.ts";
import { absolutizeLinks, xmlSafe } from "../format/xml.ts";
import type { FeedItem, FeedModel } from "../model/page-models.ts";
import type { SiteConfig } from "../model/site.ts";
import { entryId } from "./entry-id.ts";

export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

interface JsonFeedAuthor {
  name: string;
}

interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_html: string;
  summary?: string;
  date_published: string;
  date_modified?: string;
  authors?: JsonFeedAuthor[];
  tags?: string[];
}

export interface JsonFeed {
  version: typeof JSON_FEED_VERSION;
  title: string;
  home_page_url: string;
  feed_url: string;
  description?: string;
  language: string;
  authors?: JsonFeedAuthor[];
  items: JsonFeedItem[];
}

export function renderJsonFeed(feed: FeedModel, site: SiteConfig, origin: string): string {
  const doc: JsonFeed = {
    version: JSON_FEED_VERSION,
    title: feed.title,
    home_page_url: absoluteUrl(origin, feed.home),
    feed_url: absoluteUrl(origin, feed.self),
    ...(site.description ? { description: site.description } : {}),
    language: site.lang,
    ...(site.author ? { authors: [{ name: site.author }] } : {}),
    items: feed.items.map((item) => jsonItem(item, origin)),
  };
  // Lone surrogates and control characters would make the JSON unreadable to strict parsers too.
  return `${JSON.stringify(doc, (_key, value: unknown) => (typeof value === "string" ? xmlSafe(value) : value), 2)}\n`;
}

function jsonItem(item: FeedItem, origin: string): JsonFeedItem {
  const url = absoluteUrl(origin, item.permalink);
  const modified = item.updated && item.updated > item.date ? item.updated : null;
  return {
    // JSON Feed 1.1: `id` is required and must be a string, unique and stable.
    id: entryId(item, url, origin),
    url,
    title: item.title,
    content_html: absolutizeLinks(item.html, origin),
    ...(item.summary ? { summary: item.summary } : {}),
    date_published: rfc3339(item.date),
    ...(modified ? { date_modified: rfc3339(modified) } : {}),
    ...(item.author ? { authors: [{ name: item.author }] } : {}),
    ...(item.categories.length > 0 ? { tags: item.categories } : {}),
  };
}
