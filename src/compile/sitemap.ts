/**
 * `/sitemap.xml` (sitemaps.org 0.9): every post, page and first archive page with its last change.
 * Over 50,000 URLs (the protocol's limit per file) it becomes an index of `/sitemap-N.xml` files.
 */
import { UNDATED } from "../content/post.ts";
import type { SitemapModel } from "../model/page-models.ts";
import type { BuiltPage } from "./types.ts";

export const SITEMAP_PATH = "/sitemap.xml";
const MAX_URLS = 50_000;

/** The latest of ISO dates (strings compare in time order), or "" when there are none. */
function newest(dates: readonly string[]): string {
  return dates.reduce((latest, d) => (d.localeCompare(latest) > 0 ? d : latest), "");
}

export function sitemapPages(pages: ReadonlyMap<string, BuiltPage>, maxUrls = MAX_URLS): Array<[string, SitemapModel]> {
  const urls: Array<[string, string]> = [];
  for (const [path, { model }] of pages) {
    if (model.kind === "post") {
      const changed = model.updated && model.updated > model.date ? model.updated : model.date;
      urls.push([path, changed === UNDATED ? "" : changed]);
    } else if (model.kind === "list" && model.page === 1) urls.push([path, model.updated]);
  }
  urls.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (urls.length <= maxUrls) return [[SITEMAP_PATH, { kind: "sitemap", index: false, urls }]];
  const files: Array<[string, SitemapModel]> = [];
  for (let i = 0; i * maxUrls < urls.length; i++) {
    files.push([`/sitemap-${i + 1}.xml`, { kind: "sitemap", index: false, urls: urls.slice(i * maxUrls, (i + 1) * maxUrls) }]);
  }
  const index: Array<[string, string]> = files.map(([path, m]) => [path, newest(m.urls.map(([, lastmod]) => lastmod))]);
  return [[SITEMAP_PATH, { kind: "sitemap", index: true, urls: index }], ...files];
}
