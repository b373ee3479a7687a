/**
 * Renders each post once (Markdown to HTML with the one Marked instance) and derives from that HTML
 * everything pages need: the excerpt lists show, the text search indexes, and what the page's
 * Content-Security-Policy must allow.
 */
import type { Post } from "../content/post.ts";
import { renderMarkdown } from "../markdown/marked.ts";
import type { PageCsp } from "../model/csp.ts";
import { collectCsp, mergeCsp } from "./csp/collect.ts";
import { excerptOf } from "./excerpt.ts";
import type { Prepared } from "./types.ts";

/** `allowed`: the site's CSP allowance, then the post's own (see csp/allowances.ts). */
export function preparePost(post: Post, allowed: readonly PageCsp[]): Prepared {
  const html = renderMarkdown(post.body);
  const excerpt = excerptOf(post, html);
  return {
    post,
    html,
    excerpt,
    csp: mergeCsp([collectCsp(html), ...allowed]),
    excerptCsp: mergeCsp([collectCsp(excerpt.html), ...allowed]),
  };
}
