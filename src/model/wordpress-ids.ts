/**
 * WordPress addresses name things by their numeric id: `/?p=278` and `/?page_id=2` a post or page,
 * `/?cat=3` a category, `/?tag_id=5` a tag, `/?author=1` an author, `/?attachment_id=45` an uploaded file.
 * The publisher records, for each id it knows, the path that thing has now; ids live in one map under
 * `<kind>:<id>` keys.
 */
export const WORDPRESS_ID_KINDS = ["post", "category", "tag", "author", "attachment"] as const;
export type WordpressIdKind = (typeof WORDPRESS_ID_KINDS)[number];

export function wordpressIdKey(kind: WordpressIdKind, id: string): string {
  return `${kind}:${id}`;
}
