/** Sticky posts (`sticky: true`, WordPress's "Stick to the top of the blog") lead the home page, newest first. */
import type { Prepared } from "./types.ts";

export function stickyFirst(posts: readonly Prepared[]): Prepared[] {
  const sticky = posts.filter((p) => p.extras?.sticky === true);
  return sticky.length === 0 ? [...posts] : [...sticky, ...posts.filter((p) => p.extras?.sticky !== true)];
}
