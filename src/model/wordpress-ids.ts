/**
 * WordPress addresses name things by their numeric id: `/?p=278` and `/?page_id=2` a post or page,
 * `/?cat=3` a category, `/?tag_id=5` a tag, `/?author=1` an author, `/?attachment_id=45` an uploaded file.
 * `/?name=hello-world` names a post by its slug and `/?pagename=about/team` a page by its path.
 * The publisher records, for each id, slug and page path it knows (of posts WordPress gave an id),
 * the path that thing has now; they live in one map under `<kind>:<id>` keys.
 */
export const WORDPRESS_ID_KINDS = ["post", "category", "tag", "author", "attachment", "name", "pagename"] as const;
export type WordpressIdKind = (typeof WORDPRESS_ID_KINDS)[number];

export function wordpressIdKey(kind: WordpressIdKind, id: string): string {
  return `${kind}:${id}`;
}

/**
 * A slug or page path as `?name=` and `?pagename=` give it, in the form both sides are compared in:
 * WordPress sanitizes the query's slugs (lower case; a page path's segments joined by `/`).
 */
export function querySlug(value: string): string {
  return value
    .normalize("NFC")
    .toLowerCase()
    .split("/")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .join("/");
}

/** What `?name=` (a post: the last segment of its address) or `?pagename=` (a page: its whole path) finds it by. */
export function slugKey(layout: "post" | "page", permalink: string): string | null {
  const path = querySlug(permalink.replace(/\.html?$/, ""));
  const slug = layout === "page" ? path : (path.split("/").pop() ?? "");
  return slug === "" ? null : wordpressIdKey(layout === "page" ? "pagename" : "name", slug);
}
