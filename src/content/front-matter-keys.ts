/**
 * The front matter keys the engine gives a meaning to, in one place: the ones every post is read by
 * (parse-post.ts), and the ones features read from a post's other fields. Any other key is a custom
 * field, kept with the post and never shown; the WordPress importer writes a custom field that would
 * clash with one of these under another name.
 */

/** Read into a Post's own properties. */
export const POST_KEYS: ReadonlySet<string> = new Set([
  "id",
  "title",
  "date",
  "author",
  "layout",
  "guid",
  "permalink",
  "categories",
  "category",
  "tags",
  "tag",
  "excerpt",
  "published",
  "status",
  "draft",
  "redirect_from",
  "slug",
  "last_modified_at",
  "modified",
  "updated",
]);

/** Kept among a post's fields and read by features: WordPress's (sticky, format, image, comments), pages' order, CSP, contents. */
export const FEATURE_KEYS: ReadonlySet<string> = new Set([
  "sticky",
  "format",
  "image",
  "comments",
  "csp",
  "menu_order",
  "nav_order",
  "toc",
  "blogger_permalink",
  "title_html",
]);

/** Every key with a meaning to the engine. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([...POST_KEYS, ...FEATURE_KEYS]);
