/**
 * Atom 1.0 (RFC 4287) with full content. Pure: a feed model in, XML out, so archive feeds can reuse it
 * with their own model.
 */

import { rfc3339 } from "../format/dates.ts";
import { absoluteUrl } from "../format/urls.ts";
import { absolutizeLinks, escapeXml } from "../format/xml.ts";
import type { FeedItem, FeedModel } from "../model/page-models.ts";
import type { SiteConfig } from "../model/site.ts";
import { entryId } from "./entry-id.ts";

export function renderAtom(feed: FeedModel, site: SiteConfig, origin: string): string {
  const home = absoluteUrl(origin, feed.home);
  const entries = feed.items.map((item) => entry(item, origin));
  // RFC 4287 §4.1.1: a feed needs an author unless every entry has one; the site's author, else its title.
  const feedAuthor = site.author || site.title;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(site.lang)}">`,
    `<title type="text">${escapeXml(feed.title)}</title>`,
    site.description ? `<subtitle type="text">${escapeXml(site.description)}</subtitle>` : "",
    `<link rel="alternate" type="text/html" href="${escapeXml(home)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(absoluteUrl(origin, feed.self))}"/>`,
    `<id>${escapeXml(home)}</id>`,
    `<updated>${rfc3339(feed.updated)}</updated>`,
    `<author><name>${escapeXml(feedAuthor)}</name></author>`,
    "<generator>edgepress</generator>",
    ...entries,
    "</feed>",
    "",
  ]
    .filter((line) => line !== "")
    .join("\n");
}

function entry(item: FeedItem, origin: string): string {
  const link = absoluteUrl(origin, item.permalink);
  const updated = item.updated && item.updated > item.date ? item.updated : item.date;
  return [
    "<entry>",
    `<title type="text">${escapeXml(item.title)}</title>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
    `<id>${escapeXml(entryId(item, link, origin))}</id>`,
    `<published>${rfc3339(item.date)}</published>`,
    `<updated>${rfc3339(updated)}</updated>`,
    item.author ? `<author><name>${escapeXml(item.author)}</name></author>` : "",
    ...item.categories.map((c) => `<category term="${escapeXml(c)}"/>`),
    item.summary ? `<summary type="text">${escapeXml(item.summary)}</summary>` : "",
    `<content type="html">${escapeXml(absolutizeLinks(item.html, origin))}</content>`,
    "</entry>",
  ]
    .filter((line) => line !== "")
    .join("\n");
}
