/**
 * Renders each post once (Markdown to HTML with the one Marked instance) and derives from that HTML
 * everything pages need: the excerpt lists show, the text search indexes, and what the page's
 * Content-Security-Policy must allow.
 */
import type { Post } from "../content/post.ts";
import { renderMarkdown } from "../markdown/marked.ts";
import { NO_RENDER_DATA, type RenderData } from "../markdown/render-data.ts";
import type { PageCsp } from "../model/csp.ts";
import { collectCsp, mergeCsp } from "./csp/collect.ts";
import { excerptOf } from "./excerpt.ts";
import type { Prepared } from "./types.ts";

/** `allowed`: the site's CSP allowance, then the post's own (see csp/allowances.ts); `data`: what its galleries may show. */
export function preparePost(post: Post, allowed: readonly PageCsp[], data: RenderData = NO_RENDER_DATA): Prepared {
  const html = renderMarkdown(post.body, data);
  const excerpt = excerptOf(post, html);
  return {
    post,
    html,
    excerpt,
    csp: mergeCsp([collectCsp(html), ...allowed]),
    excerptCsp: mergeCsp([collectCsp(excerpt.html), ...allowed]),
  };
}
