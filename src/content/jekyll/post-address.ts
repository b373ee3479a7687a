/**
 * Where Jekyll puts a post or a page, from its file, its front matter and the site's `permalink:`
 * setting (Jekyll 4.3: drops/url_drop.rb for a post's placeholders, page.rb for a page's, document.rb
 * for a post's `id`). Returns Jekyll's URL, the path we serve it at, and the post's feed id.
 */
import { DATE_PLACEHOLDERS, type DatePlaceholder, dateParts } from "./date-parts.ts";
import { jekyllSlugify } from "./slugify.ts";
import { decodePercents, fillTemplate, pageTemplate, patternOf, sanitizeUrl, servedPath } from "./url-template.ts";

/** Every placeholder a post's permalink may use in Jekyll. */
export const POST_PLACEHOLDERS: ReadonlySet<string> = new Set([
  ...DATE_PLACEHOLDERS,
  "title",
  "slug",
  "name",
  "path",
  "categories",
  "slugified_categories",
  "output_ext",
  "collection",
]);

/** Our own content folders also know `:category` (the first category), as WordPress's `%category%`. */
export const OWN_PLACEHOLDERS: ReadonlySet<string> = new Set([...POST_PLACEHOLDERS, "category"]);

const MARKDOWN = /\.(md|markdown|mkd|mkdn|mkdown|mdown)$/i;
const HTML_OUTPUT = new Set([".html", ".htm", ".xhtml"]);
/** What Jekyll's converters turn other extensions into. */
const CONVERTED: Record<string, string> = { ".scss": ".css", ".sass": ".css", ".coffee": ".js" };

export interface Address {
  /** The URL as Jekyll gave it (decoded): what old links and the old feed used. */
  url: string;
  /** Where we serve it (see servedPath). */
  path: string;
}

export interface PostFacts {
  /** Source path relative to the site, e.g. `dev/_posts/2019-08-12-ie-cache.md`. */
  file: string;
  /** The post's own `permalink:` (front matter or defaults), or null for the site's. */
  permalink: string | null;
  /** The site's `permalink:` setting: a style name or a pattern. */
  setting: string;
  date: number;
  timeZone: string;
  /** `slug:` from front matter, else the file name's (as written, trailing dots dropped). */
  slug: string;
  /** Categories from the folders above `_posts/` and front matter, in Jekyll's order. */
  categories: readonly string[];
}

export interface PostAddress extends Address {
  /** Jekyll's `post.id` (folder of the URL + slug): jekyll-feed's entry id, kept so feed readers see no duplicates. */
  id: string;
}

/** A post's address, or the placeholder its pattern names that Jekyll does not know. */
export function postAddress(facts: PostFacts): { ok: PostAddress } | { unknown: string } {
  const outputExt = outputExtension(facts.file);
  const values: Record<string, string> = {
    ...(dateParts(facts.date, facts.timeZone) satisfies Record<DatePlaceholder, string>),
    title: jekyllSlugify(facts.slug, "pretty", true),
    slug: jekyllSlugify(facts.slug),
    name: jekyllSlugify(basenameWithoutExt(facts.file)),
    path: cleanedRelativePath(facts.file),
    categories: unique(facts.categories.map((c) => c.toLowerCase())).join("/"),
    slugified_categories: unique(facts.categories.map((c) => jekyllSlugify(c))).join("/"),
    output_ext: outputExt,
    collection: "posts",
  };
  const filled = fillTemplate(facts.permalink ?? patternOf(facts.setting), values, "error");
  if ("unknown" in filled) return filled;
  const url = sanitizeUrl(filled.ok);
  const id = joinPath(dirname(url), facts.slug);
  return { ok: { url: decoded(url), path: servedPath(url, outputExt), id: decoded(id) } };
}

export interface PageFacts {
  file: string;
  permalink: string | null;
  setting: string;
}

/** A page's address: its `permalink:` (where only :path, :basename and :output_ext are filled), else its place in the folder. */
export function pageAddress(facts: PageFacts): Address {
  const outputExt = outputExtension(facts.file);
  const name = facts.file.split("/").pop() ?? facts.file;
  const basename = name.replace(/\.[^.]*$/, "").replace(/\.+$/, "");
  const dir = `/${facts.file.split("/").slice(0, -1).join("/")}`;
  const template =
    facts.permalink ??
    (!HTML_OUTPUT.has(outputExt) ? "/:path/:basename:output_ext" : basename === "index" ? "/:path/" : pageTemplate(facts.setting));
  const filled = fillTemplate(template, { path: dir, basename, output_ext: outputExt }, "keep");
  const url = sanitizeUrl("ok" in filled ? filled.ok : template);
  return { url: decoded(url), path: servedPath(url, outputExt) };
}

/** The extension Jekyll writes a file with: `.html` for Markdown, a converter's for Sass, else the file's own. */
export function outputExtension(file: string): string {
  if (MARKDOWN.test(file)) return ".html";
  const ext = (/\.[^./]*$/.exec(file)?.[0] ?? "").toLowerCase();
  return CONVERTED[ext] ?? ext;
}

function basenameWithoutExt(file: string): string {
  return (file.split("/").pop() ?? file).replace(/\.[^.]*$/, "");
}

/** The document's path without extension and without the `_posts` folder (Document#cleaned_relative_path). */
function cleanedRelativePath(file: string): string {
  return file
    .replace(/\.[^./]*$/, "")
    .replace("_posts", "")
    .replace(/\.+$/, "");
}

/** Ruby's File.dirname: `/a/b/` and `/a/b.html` → `/a`, `/x` → `/`. */
function dirname(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  const cut = trimmed.lastIndexOf("/");
  return cut <= 0 ? "/" : trimmed.slice(0, cut);
}

function joinPath(dir: string, name: string): string {
  return `${dir.replace(/\/+$/, "")}/${name.replace(/^\/+/, "")}`;
}

function decoded(url: string): string {
  return decodePercents(url).normalize("NFC");
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
