/** RSS 2.0 with full content (content:encoded), as WordPress serves at /feed/. Pure: a feed model in, XML out. */

import { rfc822 } from "../format/dates.ts";
import { absoluteUrl } from "../format/urls.ts";
import { absolutizeLinks, cdata, escapeXml } from "../format/xml.ts";
import type { FeedModel } from "../model/page-models.ts";
import type { SiteConfig } from "../model/site.ts";

export function renderRss(feed: FeedModel, site: SiteConfig, origin: string): string {
  const items = feed.items.map((item) => {
    const link = absoluteUrl(origin, item.permalink);
    // An old feed's id is an address of the post on this site (it leads there), so a permalink guid.
    const guid =
      item.id !== undefined
        ? `<guid isPermaLink="true">${escapeXml(absoluteUrl(origin, item.id))}</guid>`
        : item.guid
          ? `<guid isPermaLink="false">${escapeXml(item.guid)}</guid>`
          : `<guid isPermaLink="true">${escapeXml(link)}</guid>`;
    return [
      "<item>",
      `<title>${escapeXml(item.title)}</title>`,
      `<link>${escapeXml(link)}</link>`,
      guid,
      `<pubDate>${rfc822(item.date)}</pubDate>`,
      item.author ? `<dc:creator>${escapeXml(item.author)}</dc:creator>` : "",
      ...item.categories.map((c) => `<category>${escapeXml(c)}</category>`),
      `<description>${escapeXml(item.summary)}</description>`,
      `<content:encoded>${cdata(absolutizeLinks(item.html, origin))}</content:encoded>`,
      "</item>",
    ]
      .filter((line) => line !== "")
      .join("\n");
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${escapeXml(feed.title)}</title>
<link>${escapeXml(absoluteUrl(origin, feed.home))}</link>
<atom:link href="${escapeXml(absoluteUrl(origin, feed.self))}" rel="self" type="application/rss+xml"/>
<description>${escapeXml(site.description || site.title)}</description>
<language>${escapeXml(site.lang)}</language>
<lastBuildDate>${rfc822(feed.updated)}</lastBuildDate>
${items.join("\n")}
</channel>
</rss>
`;
}
