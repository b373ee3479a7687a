/** Renders a routed page model with the template for its view. */
import { renderAtom } from "../feed/atom.ts";
import { renderJsonFeed } from "../feed/json-feed.ts";
import { renderRss } from "../feed/rss.ts";
import { renderMarkdown } from "../markdown/marked.ts";
import type { PageModel } from "../model/page-models.ts";
import type { View } from "../model/release.ts";
import { renderListPage } from "./list-page.ts";
import type { PageContext } from "./page-context.ts";
import { renderPostPage } from "./post-page.ts";
import { renderSitemap } from "./sitemap-xml.ts";

export interface Rendered {
  body: string | Uint8Array;
  type: string;
  policy: "page" | "feed" | "sitemap" | "asset";
  lastModified: string | null;
  /** Epoch ms at which this answer may change (a scheduled post appears), set by the route; caches must not keep it longer. */
  expiresAt?: number | null;
}

const HTML = "text/html; charset=utf-8";
const ATOM = "application/atom+xml; charset=utf-8";
// The media type the JSON Feed 1.1 spec names.
const JSON_FEED = "application/feed+json; charset=utf-8";

export function renderView(ctx: PageContext, view: View, model: PageModel): Rendered {
  if (view === "post" && model.kind === "post") {
    return {
      body: renderPostPage(ctx, model, renderMarkdown(model.body)),
      type: HTML,
      policy: "page",
      lastModified: model.updated ?? model.date,
    };
  }
  if (view === "list" && model.kind === "list") {
    return { body: renderListPage(ctx, model), type: HTML, policy: "page", lastModified: model.updated };
  }
  if (view === "rss" && model.kind === "feed") {
    return {
      body: renderRss(model, ctx.site, ctx.origin, renderMarkdown),
      type: "application/rss+xml; charset=utf-8",
      policy: "feed",
      lastModified: model.updated,
    };
  }
  if (view === "sitemap" && model.kind === "sitemap") {
    return { body: renderSitemap(model, ctx.origin), type: "application/xml; charset=utf-8", policy: "sitemap", lastModified: null };
  }
  if (view === "atom" && model.kind === "feed") {
    return { body: renderAtom(model, ctx.site, ctx.origin, renderMarkdown), type: ATOM, policy: "feed", lastModified: model.updated };
  }
  if (view === "json" && model.kind === "feed") {
    return {
      body: renderJsonFeed(model, ctx.site, ctx.origin, renderMarkdown),
      type: JSON_FEED,
      policy: "feed",
      lastModified: model.updated,
    };
  }
  if (view === "file" && model.kind === "file") {
    return { body: Uint8Array.from(atob(model.data), (ch) => ch.charCodeAt(0)), type: model.type, policy: "asset", lastModified: null };
  }
  throw new TypeError(`a ${model.kind} model cannot be rendered as ${view}`);
}
