/**
 * Which answer a path gets, in order: WordPress's query addresses, a page of the live release (as it
 * stands at the request's moment, so scheduled posts appear on their date), then what old links need
 * (page 1 of a list, search paths, robots.txt, moved posts, a missing trailing slash, the other
 * spellings of an address: `.html` or not, `index.html`), else a 404.
 */
import { encodePath, requestPathKey } from "../format/urls.ts";
import { type Reply, redirectReply } from "../http/reply.ts";
import { enginePath } from "../model/site.ts";
import { renderRobots } from "../render/sitemap-xml.ts";
import { notFound } from "./not-found.ts";
import { servedSpelling } from "./old-paths.ts";
import { pageReply } from "./page.ts";
import { parseSearchPath, searchReply } from "./search.ts";
import { pageContext, type SiteRequest } from "./site-request.ts";
import { wordpressQuery } from "./wordpress-query.ts";

export async function siteReply(req: SiteRequest): Promise<Reply> {
  const { url, site } = req;
  // `/index.php?p=278` is how WordPress sites without pretty permalinks wrote every address.
  if (url.pathname === "/" || url.pathname === "/index.php") {
    const wordpress = await wordpressQuery(req);
    if (wordpress !== null) return wordpress;
    if (url.pathname === "/index.php") return redirectReply(`/${url.search}`);
  }
  const path = requestPathKey(url.pathname);
  if (path === null) return notFound(req);

  const page = await site.page(path);
  if (page !== null) return pageReply(req, path, page);
  // Page 1 of search results is the search itself, as in WordPress (lists have such redirects stored).
  const firstPage = /^(\/search\/.*\/)page\/1\/$/.exec(path)?.[1];
  if (firstPage !== undefined) return redirectReply(encodePath(firstPage) + url.search);
  const search = parseSearchPath(path);
  if (search !== null) return searchReply(req, search.query, search.page, path);
  if (path === "/robots.txt") {
    return {
      status: 200,
      type: "text/plain; charset=utf-8",
      body: renderRobots(pageContext(req, path).origin, enginePath(site.release.site, "/sitemap.xml")),
      policy: "page",
    };
  }
  // Old paths are stored in canonical form (trailing slash); one without it goes straight to the post, in one hop.
  const slashed = path.endsWith("/") ? null : `${path}/`;
  const moved = (await site.movedTo(path)) ?? (slashed === null ? null : await site.movedTo(slashed));
  if (moved !== null) return redirectReply(encodePath(moved) + url.search);
  // The slashed form shares the path's bucket (store/bucket-key.ts): no second read.
  if (slashed !== null && (slashed.startsWith("/search/") || (await site.serves(slashed)))) {
    return redirectReply(encodePath(slashed) + url.search);
  }
  const spelling = await servedSpelling(path, site);
  if (spelling !== null) return redirectReply(encodePath(spelling) + url.search);
  return notFound(req);
}
