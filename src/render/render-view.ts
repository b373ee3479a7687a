/** Which template renders a routed feed or sitemap model, and what kind of answer the result is (HTML pages: routes/themed-page.ts). */
import { renderAtom } from "../feed/atom.ts";
import { renderJsonFeed } from "../feed/json-feed.ts";
import { renderRss } from "../feed/rss.ts";
import type { PageModel } from "../model/page-models.ts";
import type { View } from "../model/release.ts";
import type { PageContext } from "./page-context.ts";
import { renderSitemap } from "./sitemap-xml.ts";

export interface Rendered {
  body: string;
  type: string;
  /** Which cache policy fits (see http/cache-policy.ts). */
  policy: "page" | "feed" | "sitemap";
}

export const HTML_TYPE = "text/html; charset=utf-8";
const RSS_TYPE = "application/rss+xml; charset=utf-8";
const ATOM_TYPE = "application/atom+xml; charset=utf-8";
// The media type the JSON Feed 1.1 spec names.
const JSON_FEED_TYPE = "application/feed+json; charset=utf-8";
const SITEMAP_TYPE = "application/xml; charset=utf-8";

export function renderView(ctx: PageContext, view: View, model: PageModel): Rendered {
  if (view === "rss" && model.kind === "feed") return { body: renderRss(model, ctx.site, ctx.origin), type: RSS_TYPE, policy: "feed" };
  if (view === "atom" && model.kind === "feed") return { body: renderAtom(model, ctx.site, ctx.origin), type: ATOM_TYPE, policy: "feed" };
  if (view === "json" && model.kind === "feed") {
    return { body: renderJsonFeed(model, ctx.site, ctx.origin), type: JSON_FEED_TYPE, policy: "feed" };
  }
  if (view === "sitemap" && model.kind === "sitemap")
    return { body: renderSitemap(model, ctx.origin), type: SITEMAP_TYPE, policy: "sitemap" };
  throw new TypeError(`a ${model.kind} model cannot be rendered as ${view}`);
}
