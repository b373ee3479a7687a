/** Sitemaps (sitemaps.org protocol 0.9): a sitemap model in, XML out. */

import { absoluteUrl } from "../format/urls.ts";
import { escapeXml } from "../format/xml.ts";
import type { SitemapModel } from "../model/page-models.ts";

const NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

export function renderSitemap(model: SitemapModel, origin: string): string {
  const [outer, inner] = model.index ? ["sitemapindex", "sitemap"] : ["urlset", "url"];
  const entries = model.urls.map(
    // lastmod is optional; an undated page gets none rather than a made-up date.
    ([path, lastmod]) =>
      `<${inner}><loc>${escapeXml(absoluteUrl(origin, path))}</loc>${lastmod ? `<lastmod>${escapeXml(lastmod)}</lastmod>` : ""}</${inner}>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${outer} xmlns="${NS}">\n${entries.join("\n")}\n</${outer}>\n`;
}

/** `/robots.txt`: everything may be crawled; the sitemap (at `sitemap`, where it answers) says where everything is. */
export function renderRobots(origin: string, sitemap = "/sitemap.xml"): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(origin, sitemap)}\n`;
}
