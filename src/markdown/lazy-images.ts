/**
 * `loading="lazy"` on a post's images, Markdown and HTML alike, so a long post with many pictures
 * loads only what the reader scrolls to. The first image stays eager: it is often the largest thing
 * on screen, and lazy-loading it would delay the page's first paint of it (Lighthouse's LCP audit).
 */

// Text inside these is not markup; an `<img` there is something the author is showing, not an image.
const SKIP = /<(script|style|textarea)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<img\b[^>]*>/gi;

export function lazyImages(html: string): string {
  let seen = 0;
  return html.replace(SKIP, (tag) => {
    if (!/^<img\b/i.test(tag)) return tag;
    seen++;
    if (seen === 1 || /\sloading\s*=/i.test(tag)) return tag;
    return tag.replace(/^<img\b/i, '<img loading="lazy"');
  });
}
