/** The 404 page: what any address the site does not serve gets. */
import { HTML, type Reply } from "../http/reply.ts";
import { renderNotFoundPage } from "../render/status-page.ts";
import { pageContext, type SiteRequest } from "./site-request.ts";

export function notFound(req: SiteRequest): Reply {
  return {
    status: 404,
    type: HTML,
    body: renderNotFoundPage(pageContext(req, "/404")),
    policy: "notFound",
    expiresAt: req.site.expiresAt,
  };
}
