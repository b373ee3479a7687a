/**
 * Where each category, tag and author archive lives, and what it knows: by default the slug is made
 * from the name, as WordPress makes new ones; with `_data/categories.yml`, `tags.yml` and
 * `authors.yml` (a WordPress import writes them) the site keeps WordPress's own slugs, a category's
 * parents (`/category/parent/child/`, and a parent's archive lists its children's posts) and its
 * description, so every old archive address still answers.
 */
import { slugify } from "../content/permalink.ts";
import type { SiteData, TermInfo } from "../content/site-data/site-data.ts";
import { hierarchicalPath } from "../content/site-data/term-paths.ts";

export type TermKind = "category" | "tag" | "author";

export interface TermIndex {
  /** The archive's path, or null when the name has nothing to make a slug of. */
  path(kind: TermKind, name: string): string | null;
  /** The category's ancestors' names, nearest first (empty for tags, authors and top-level categories). */
  ancestors(name: string): string[];
  description(kind: TermKind, name: string): string;
  /** WordPress ids of terms and authors with the path of their archive: `["category:3", "/category/news/"]`. */
  ids(): Array<[string, string]>;
  /** Paths WordPress also answered for a term (a child category's `/category/child/`) → its archive. */
  aliases(): Array<[string, string]>;
}

export function termIndex(data: SiteData): TermIndex {
  const categories = byName(data.categories);
  const tags = byName(data.tags);
  const categoryBySlug = new Map(data.categories.map((t) => [t.slug, t]));
  const parentOf = (slug: string) => categoryBySlug.get(slug)?.parent ?? "";
  const authors = new Map(data.authors.map((a) => [a.name, a]));

  const path = (kind: TermKind, name: string): string | null => {
    if (kind === "category") {
      const known = categories.get(name);
      if (known) return hierarchicalPath("category", known.slug, parentOf);
    } else if (kind === "tag") {
      const known = tags.get(name);
      if (known) return hierarchicalPath("tag", known.slug, () => "");
    } else {
      const slug = authors.get(name)?.slug;
      if (slug) return `/author/${slug}/`;
    }
    const slug = slugify(name);
    return slug === "" ? null : `/${kind}/${slug}/`;
  };

  return {
    path,
    ancestors(name) {
      const out: string[] = [];
      const seen = new Set<string>();
      for (let t = categories.get(name); t && t.parent !== "" && !seen.has(t.parent); ) {
        seen.add(t.parent);
        t = categoryBySlug.get(t.parent);
        if (t) out.push(t.name);
      }
      return out;
    },
    description(kind, name) {
      return (kind === "category" ? categories : kind === "tag" ? tags : new Map<string, TermInfo>()).get(name)?.description ?? "";
    },
    ids() {
      const out: Array<[string, string]> = [];
      for (const [kind, list] of [
        ["category", data.categories],
        ["tag", data.tags],
      ] as const) {
        for (const t of list) {
          const p = path(kind, t.name);
          if (t.id !== null && p !== null) out.push([`${kind}:${t.id}`, p]);
        }
      }
      for (const a of data.authors) {
        const p = path("author", a.name);
        if (a.id !== null && p !== null) out.push([`author:${a.id}`, p]);
      }
      return out;
    },
    aliases() {
      const out: Array<[string, string]> = [];
      for (const t of data.categories) {
        const full = path("category", t.name);
        const flat = `/category/${slugify(t.slug) || t.slug}/`;
        if (full !== null && full !== flat) out.push([flat, full]);
      }
      return out;
    },
  };
}

/** The first term with each name (names are decoded, as front matter's are). */
function byName(terms: readonly TermInfo[]): Map<string, TermInfo> {
  const out = new Map<string, TermInfo>();
  for (const t of terms) if (!out.has(t.name)) out.set(t.name, t);
  return out;
}
