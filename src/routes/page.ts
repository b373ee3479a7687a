/** A path in the release's route table: its page model, put into the template for its view. */
import type { Reply } from "../http/reply.ts";
import { renderView } from "../render/render-view.ts";
import type { SitePage } from "../store/site-reader.ts";
import { pageContext, type SiteRequest } from "./site-request.ts";
import { themedReply } from "./themed-page.ts";

export async function pageReply(req: SiteRequest, path: string, page: SitePage): Promise<Reply> {
  if ((page.view === "post" && page.model.kind === "post") || (page.view === "list" && page.model.kind === "list")) {
    return themedReply(req, path, { ...page, model: page.model }, await req.site.theme());
  }
  const rendered = renderView(pageContext(req, path), page.view, page.model);
  const reply: Reply = { status: 200, ...rendered, expiresAt: req.site.expiresAt };
  return reply;
}
