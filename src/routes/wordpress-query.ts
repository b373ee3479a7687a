/**
 * WordPress's own addresses, which work under every permalink setting and so are all over the web:
 * `/?p=278` and `/?page_id=2` for a post or page, `/?s=term` for search.
 */
import { encodePath } from "../format/urls.ts";
import { type Reply, redirectReply } from "../http/reply.ts";
import { notFound } from "./not-found.ts";
import { searchReply } from "./search.ts";
import type { SiteRequest } from "./site-request.ts";

/** The answer to a query on `/` that WordPress would have answered, or null for a plain home page request. */
export async function wordpressQuery(req: SiteRequest): Promise<Reply | null> {
  const params = req.url.searchParams;
  const wpId = params.get("p") ?? params.get("page_id");
  if (wpId !== null) {
    // As WordPress does, an id that names nothing published (yet) is not found.
    const target = await req.site.wordpressId("post", wpId.trim());
    return target !== null ? redirectReply(encodePath(target)) : notFound(req);
  }
  const query = params.get("s");
  if (query !== null) return searchReply(req, query, Number(params.get("paged")) || 1, "/");
  return null;
}
