/**
 * Jekyll collections other than posts: `collections:` in `_config.yml` (a list of labels, or a map of
 * label to settings), the folder each lives in (`_<label>/`, under `collections_dir`), and where a
 * document of one is published (Jekyll 4.3: collection.rb, document.rb, drops/url_drop.rb).
 */
import type { Problem } from "../problem.ts";
import { jekyllSlugify } from "./slugify.ts";
import { fillTemplate, pageTemplate, sanitizeUrl } from "./url-template.ts";

export interface Collection {
  label: string;
  /** `output: true`: Jekyll writes each document as a page; otherwise the documents are data a theme lists. */
  output: boolean;
  /** The collection's `permalink:`, or null for Jekyll's default (`/:collection/:path` and the site style's ending). */
  permalink: string | null;
}

/** Reads `collections:`; `posts` is left to the rules for posts, as its settings are the site's. */
export function readCollections(
  value: unknown,
  file: string,
  lines: Readonly<Record<string, number>>,
): { collections: Collection[]; problems: Problem[] } {
  const collections: Collection[] = [];
  const problems: Problem[] = [];
  if (value === undefined || value === null) return { collections, problems };
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((label) => [String(label), null])
    : typeof value === "object"
      ? Object.entries(value)
      : [];
  if (entries.length === 0 && !(Array.isArray(value) || typeof value === "object")) {
    problems.push({ file, line: lines.collections ?? 1, reason: "collections must be a list of names or a map of name to settings" });
  }
  for (const [label, settings] of entries) {
    if (label === "posts" || label === "") continue;
    const map = settings !== null && typeof settings === "object" && !Array.isArray(settings) ? (settings as Record<string, unknown>) : {};
    const permalink = typeof map.permalink === "string" && map.permalink.trim() !== "" ? map.permalink.trim() : null;
    // Jekyll's Collection#write? is `!!output`: any value but false and nil publishes.
    collections.push({ label, output: map.output !== undefined && map.output !== null && map.output !== false, permalink });
  }
  return { collections, problems };
}

/** The collection a file belongs to (it is under `<collections_dir>/_<label>/`), with its path inside the collections folder. */
export function collectionOf(
  path: string,
  collections: readonly Collection[],
  collectionsDir: string,
): { collection: Collection; relative: string } | null {
  const prefix = collectionsDir === "" ? "" : `${collectionsDir}/`;
  if (!path.startsWith(prefix)) return null;
  const relative = path.slice(prefix.length);
  const collection = collections.find((c) => relative.startsWith(`_${c.label}/`));
  return collection === undefined ? null : { collection, relative };
}

export interface DocumentFacts {
  collection: Collection;
  /** The document's path inside the collections folder (`_recipes/sub/waffles.md`): Jekyll's relative_path. */
  relative: string;
  /** The document's own `permalink:` (front matter or defaults), if any. */
  permalink: string | null;
  /** `slug:`, else the file name without its date and extension (Document#populate_title). */
  slug: string;
  /** The site's `permalink:` setting, whose ending the default template takes. */
  setting: string;
  outputExt: string;
  categories: readonly string[];
}

/**
 * A document's URL. Its placeholders are Jekyll's UrlDrop for documents; the date ones are left as
 * written, because an undated document's date is the moment Jekyll built the site.
 */
export function documentUrl(facts: DocumentFacts): string {
  const base = (facts.relative.split("/").pop() ?? facts.relative).replace(/\.[^.]*$/, "");
  const template =
    facts.permalink ?? facts.collection.permalink ?? pageTemplate(facts.setting).replace("/:path/:basename", "/:collection/:path");
  const values: Record<string, string> = {
    collection: facts.collection.label,
    path: facts.relative
      .replace(/\.[^./]*$/, "")
      .replace(`_${facts.collection.label}`, "")
      .replace(/\.+$/, ""),
    name: jekyllSlugify(base),
    title: jekyllSlugify(facts.slug, "pretty", true),
    slug: jekyllSlugify(facts.slug),
    categories: [...new Set(facts.categories.map((c) => c.toLowerCase()))].join("/"),
    slugified_categories: [...new Set(facts.categories.map((c) => jekyllSlugify(c)))].join("/"),
    output_ext: facts.outputExt,
  };
  const filled = fillTemplate(template, values, "keep");
  return sanitizeUrl("ok" in filled ? filled.ok : template);
}
