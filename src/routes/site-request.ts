/** What every route gets: the request's address and the live release as it stands at the request's moment. */
import type { PageContext } from "../render/page-context.ts";
import type { SiteReader } from "../store/site-reader.ts";

export interface SiteRequest {
  url: URL;
  site: SiteReader;
}

/** The template context for a page at `path`: links are absolute to the site's url, else to the request's origin. */
export function pageContext(req: SiteRequest, path: string): PageContext {
  const site = req.site.release.site;
  return { site, origin: site.url ?? req.url.origin, path };
}
