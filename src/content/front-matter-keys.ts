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
  // chirpy's and al-folio's list of authors: the first is the post's author when it has no `author`.
  "authors",
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

/**
 * Kept among a post's fields and read by features: WordPress's (sticky, format, image, comments) and
 * the themes' names for them (chirpy's `pin` and `media_subpath`, minimal-mistakes' `header` and `related`, al-folio's `related_posts`),
 * pages' order, CSP, contents. content/feature-fields.ts reads their shapes.
 */
export const FEATURE_KEYS: ReadonlySet<string> = new Set([
  "sticky",
  "pin",
  "format",
  "image",
  "header",
  "media_subpath",
  "img_path",
  "comments",
  "related",
  "related_posts",
  "csp",
  "menu_order",
  "nav_order",
  "toc",
  "blogger_permalink",
  "title_html",
]);

/** Every key with a meaning to the engine. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([...POST_KEYS, ...FEATURE_KEYS]);
