/**
 * What one post's rendering may know about its site beyond its own text: the WordPress attachments a
 * `[gallery]` names, and which files the site serves. It travels in the options of the one `parse`
 * call that renders the post (marked hands those options to every renderer), so the shared Marked
 * instance keeps no state between posts or sites.
 */
import type { MarkedOptions } from "marked";
import type { CodeLineNumbers } from "./highlight/line-numbers.ts";

export interface GalleryImage {
  id: string;
  /** The file's path on the site. */
  src: string;
  alt: string;
  caption: string;
  /** The attached-to post (WordPress's post_parent), for `[gallery]` without ids. */
  parent: string | null;
  order: number;
}

export interface RenderData {
  /** The post's WordPress id, for `[gallery]` without ids (its attached images). */
  postId: string | null;
  /** Attachments whose files the site serves, by WordPress id. */
  images: ReadonlyMap<string, GalleryImage>;
  /**
   * Written as Jekyll's kramdown writes it, for a page the site's own theme draws: code in Rouge's
   * markup and classes (highlight/rouge.ts), quotes and dashes typographic (kramdown-typography.ts).
   */
  kramdown?: boolean;
  /** Which of that code kramdown writes in Rouge's line-number table (`_config.yml`'s `kramdown:`); none when absent. */
  lineNumbers?: CodeLineNumbers;
}

export const NO_RENDER_DATA: RenderData = { postId: null, images: new Map() };

const KEY = "edgepressRenderData";

export function withRenderData(options: MarkedOptions, data: RenderData): MarkedOptions {
  return Object.assign({}, options, { [KEY]: data });
}

export function renderDataOf(options: MarkedOptions | undefined): RenderData {
  const data = (options as Record<string, unknown> | undefined)?.[KEY];
  return (data as RenderData | undefined) ?? NO_RENDER_DATA;
}
