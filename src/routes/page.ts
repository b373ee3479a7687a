/** A path in the release's route table: its page model, put into the template for its view. */
import { pagePolicy } from "../http/content-security-policy.ts";
import type { Reply } from "../http/reply.ts";
import { HTML_TYPE, renderView } from "../render/render-view.ts";
import type { SitePage } from "../store/site-reader.ts";
import { pageContext, type SiteRequest } from "./site-request.ts";
import { themedReply } from "./themed-page.ts";

export async function pageReply(req: SiteRequest, path: string, page: SitePage): Promise<Reply> {
  const theme = page.view === "post" || page.view === "list" ? await req.site.theme() : null;
  const themed = theme === null ? null : themedReply(req, path, page, theme);
  if (themed !== null) return themed;
  const rendered = renderView(pageContext(req, path), page.view, page.model);
  const reply: Reply = { status: 200, ...rendered, expiresAt: req.site.expiresAt };
  // An HTML page allows exactly what its author published (worked out at publish time, see compile/csp/).
  if (rendered.type === HTML_TYPE)
    reply.csp = pagePolicy(page.model.kind === "post" || page.model.kind === "list" ? page.model.csp : undefined);
  return reply;
}
