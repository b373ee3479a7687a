/**
 * Front matter keys that change how a post's page is built: `toc` (true forces a table of contents,
 * false turns it off, a theme's map of where to draw it asks for one; without it, posts with four or
 * more sections get one), `related` (false: no related posts; site-pages.ts asks) and the picture for link previews (`image:` or minimal-mistakes' `header:`,
 * see content/feature-fields.ts). A value the engine cannot use is ignored with a warning at the line
 * that holds it: the theme that wrote it may mean something by it, and the page is built without it.
 */
import { type FieldImage, readImage, readRelated, readToc } from "../content/feature-fields.ts";
import { atKey } from "../content/key-origin.ts";
import type { Post } from "../content/post.ts";
import type { Problem } from "../content/problem.ts";

export interface PostOptions {
  /** null: decided by the number of sections. */
  toc: boolean | null;
  image: FieldImage | null;
}

export const DEFAULT_OPTIONS: PostOptions = { toc: null, image: null };

export function postOptions(post: Post): { options: PostOptions; warnings: Problem[] } {
  const warnings: Problem[] = [];
  const toc = readToc(post.fields.toc);
  if (toc.warning !== undefined) warnings.push(atKey(post, "toc", toc.warning));
  const image = readImage(post.fields);
  if (image.warning !== undefined) warnings.push(atKey(post, image.key, image.warning));
  const related = readRelated(post.fields);
  if (related.warning !== undefined) warnings.push(atKey(post, related.key, related.warning));
  return { options: { toc: toc.value, image: image.value }, warnings };
}
