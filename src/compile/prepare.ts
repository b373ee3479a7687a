/**
 * Renders each post once (Markdown to HTML with the one Marked instance) and derives from that HTML
 * everything pages need: the excerpt lists show, the text search indexes, what the page's
 * Content-Security-Policy must allow, and the page's own extras (article.ts).
 */
import type { Post } from "../content/post.ts";
import { renderMarkdown } from "../markdown/marked.ts";
import { NO_RENDER_DATA, type RenderData } from "../markdown/render-data.ts";
import type { PageCsp } from "../model/csp.ts";
import { articleOf } from "./article.ts";
import { collectCsp, mergeCsp } from "./csp/collect.ts";
import { excerptOf } from "./excerpt.ts";
import type { ImageSizes } from "./images/image-sizes.ts";
import { sizeImages } from "./images/sized-images.ts";
import { type OwnSite, rootRelativeLinks } from "./own-host-links.ts";
import { DEFAULT_OPTIONS, type PostOptions } from "./post-options.ts";
import type { Prepared } from "./types.ts";

export interface PrepareContext {
  /** What its galleries may show (the site's attachments). */
  data?: RenderData;
  /** Its front matter's page options (table of contents, preview image). */
  options?: PostOptions;
  /** The site's own images, for width and height. */
  sizes?: ImageSizes;
  /**
   * The post is drawn by the site's own theme: its `<img>` tags stay without the width and height
   * added for the built-in theme. That theme's stylesheet says `height:auto`; one written for
   * Jekyll's output, which has no sizes, may only say `max-width:100%` (jekyll-now), and a height
   * attribute then stretches every scaled-down image.
   */
  ownTheme?: boolean;
  /** The site's own old host, whose links are written root-relative. */
  own?: OwnSite;
}

const NO_SIZES: ImageSizes = () => null;
const HTML_SOURCE = /\.html?$/i;

/** `allowed`: the site's CSP allowance, then the post's own (see csp/allowances.ts). */
export function preparePost(post: Post, allowed: readonly PageCsp[], context: PrepareContext = {}): Prepared {
  const sizes = context.sizes ?? NO_SIZES;
  // Jekyll converts only Markdown files: an .html page or post is its text (after Liquid) as written, so
  // its indented markup (minimal-mistakes' collection-archive.html) never becomes a code block.
  const rendered = HTML_SOURCE.test(post.source) ? post.body : renderMarkdown(post.body, context.data ?? NO_RENDER_DATA);
  const linked = context.own ? rootRelativeLinks(rendered, context.own) : rendered;
  const html = context.ownTheme ? linked : sizeImages(linked, post.permalink, sizes);
  const excerpt = excerptOf(post, html);
  return {
    post,
    html,
    excerpt,
    csp: mergeCsp([collectCsp(html), ...allowed]),
    excerptCsp: mergeCsp([collectCsp(excerpt.html), ...allowed]),
    article: articleOf(post.permalink, html, excerpt.text, context.options ?? DEFAULT_OPTIONS, sizes),
  };
}
