/**
 * Archive addresses of WordPress terms: `/tag/<slug>/`, and for categories the parents' slugs first
 * (`/category/parent/child/`), as WordPress's get_category_link() builds them.
 */

/** `getParent(slug)` gives a category's parent slug, or "" for a top-level one. */
export function hierarchicalPath(kind: "category" | "tag", slug: string, getParent: (slug: string) => string): string {
  const chain = [slug];
  if (kind === "category") {
    const seen = new Set(chain);
    for (let parent = getParent(slug); parent !== "" && !seen.has(parent); parent = getParent(parent)) {
      chain.unshift(parent);
      seen.add(parent);
    }
  }
  return `/${kind}/${chain.map(segment).join("/")}/`;
}

/** WordPress stores non-Latin slugs percent-encoded; a path here is decoded. */
function segment(slug: string): string {
  try {
    return decodeURIComponent(slug).normalize("NFC");
  } catch {
    return slug;
  }
}
