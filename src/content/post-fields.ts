/** Readers for single front matter values (titles, dates, terms, paths, authors) shared by every kind of content folder. */
import { decodeHTML } from "entities";
import type { SiteConfig } from "../model/site.ts";
import type { SourceFile } from "./content-files.ts";
import { parseDate } from "./date.ts";
import type { FrontMatter } from "./front-matter.ts";
import { normalizePermalink } from "./permalink.ts";
import type { Layout, Post } from "./post.ts";

export type Data = Record<string, unknown>;
/** Records a problem with the value of a front matter key, at that key's line. */
export type Fail = (key: string, reason: string) => void;

/**
 * WordPress's own post types that are not content: an export (or a converter) may write them out
 * with the type as their layout. Any other layout is a theme's name for how to show a post or page.
 */
const WORDPRESS_NON_CONTENT = new Set([
  "attachment",
  "revision",
  "nav_menu_item",
  "custom_css",
  "customize_changeset",
  "oembed_cache",
  "user_request",
  "wp_block",
  "wp_template",
  "wp_template_part",
  "wp_global_styles",
  "wp_navigation",
  "wp_font_family",
  "wp_font_face",
]);

/** Why a file is deliberately left out (`published: false`, `draft: true`, a WordPress status), or null. */
export function unpublished(data: Data): string | null {
  if (data.published === false) return "published: false";
  if (data.draft === true) return "draft: true";
  const status = typeof data.status === "string" ? data.status.toLowerCase() : "publish";
  return status === "publish" || status === "published" ? null : `status: ${status}`;
}

/** The reason a layout keeps a file out (WordPress's non-content types), or null. */
export function nonContentLayout(layout: unknown): string | null {
  return typeof layout === "string" && WORDPRESS_NON_CONTENT.has(layout) ? `layout: ${layout} (a WordPress ${layout}, not content)` : null;
}

/** With a fallback (a Jekyll site titles a file after its name), `fail` is only told about a title that is not text. */
export function readTitle(value: unknown, fail: Fail, fallback: string | null = null): string {
  const title = typeof value === "string" || typeof value === "number" ? decodeHTML(String(value)).trim() : "";
  if (title !== "") return title;
  if (fallback !== null) {
    if (value !== undefined && value !== null && typeof value === "object")
      fail("title", `title is text; ${JSON.stringify(value)} is left out`);
    return fallback;
  }
  fail("title", value === undefined ? "missing title" : "title is empty or not text");
  return "";
}

/** When the post was last changed, from whichever of Jekyll's and WordPress's keys it has; a value that is no date is left out. */
export function readUpdated(data: Data, site: SiteConfig, warn: Fail): string | null {
  const key = ["last_modified_at", "modified", "updated"].find((k) => data[k] !== undefined && data[k] !== null);
  if (key === undefined) return null;
  const value = data[key];
  const ms = typeof value === "string" || typeof value === "number" ? parseDate(String(value), site.timezone) : null;
  if (ms === null) warn(key, `${key} ${JSON.stringify(value)} is not a date; it is left out`);
  return ms === null ? null : new Date(ms).toISOString();
}

/** A list of paths on this site (`redirect_from:`), each in canonical form; an entry that is not one is left out. */
export function readPaths(value: unknown, key: string, warn: Fail): string[] {
  const paths: string[] = [];
  for (const raw of toList(value)) {
    const result = typeof raw === "string" ? normalizePermalink(raw) : { error: `${key} entries must be paths` };
    if ("error" in result) warn(key, `${result.error}; ${JSON.stringify(raw)} is left out`);
    else paths.push(result.ok);
  }
  return paths;
}

export function toList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Categories and tags: a YAML list (nested lists flattened, as Jekyll flattens them), or (as Jekyll
 * allows) one string of space-separated names. An entry that is not a name is left out.
 */
export function readTerms(value: unknown, key: string, warn: Fail): string[] {
  const raw = typeof value === "string" ? value.split(/\s+/) : toList(value).flat(Number.POSITIVE_INFINITY);
  const terms: string[] = [];
  for (const item of raw) {
    if (typeof item === "string" || typeof item === "number" || typeof item === "boolean") {
      const term = decodeHTML(String(item)).trim();
      if (term !== "" && !terms.includes(term)) terms.push(term);
    } else if (item !== null && item !== undefined) {
      warn(key, `${key} entries are names; ${JSON.stringify(item)} is left out`);
    }
  }
  return terms;
}

/**
 * The author's name, as themes write it: a name or a key of `_data/authors.yml` (minimal-mistakes,
 * chirpy, so-simple; the key is resolved once the data is read), a map with `name` (so-simple,
 * hydejack), or a list of either (hydejack's `author:`, chirpy's and al-folio's `authors:`), of
 * which the first is the post's author. Null when the post names none the engine can use.
 */
export function readAuthor(data: Data, warn: Fail): string | null {
  const key = data.author !== undefined && data.author !== null ? "author" : "authors";
  const value = data[key];
  if (value === undefined || value === null) return null;
  for (const entry of toList(value)) {
    const name = authorName(entry);
    if (name !== null) return name;
  }
  warn(key, `${key} is a name, a key of _data/authors.yml or a map with a name; ${JSON.stringify(value)} is left out`);
  return null;
}

function authorName(value: unknown): string | null {
  if ((typeof value === "string" || typeof value === "number") && String(value).trim() !== "") return decodeHTML(String(value).trim());
  if (value !== null && typeof value === "object" && "name" in value && typeof value.name === "string" && value.name.trim() !== "") {
    return decodeHTML(value.name.trim());
  }
  return null;
}

/** The author's own excerpt (minimal-mistakes' and so-simple's `excerpt:`), as text. */
export function readExcerpt(value: unknown, warn: Fail): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number") return String(value).trim() === "" ? null : String(value).trim();
  warn("excerpt", `excerpt is text; ${JSON.stringify(value)} is left out`);
  return null;
}

/** What a file's name says: `YYYY-MM-DD-slug.md`, or just a name. */
export interface FileName {
  base: string;
  /** The date part of a dated name. */
  date: string | null;
  /** The slug part of a dated name. */
  slug: string | null;
}

/** Everything a file's fields are read from, whichever rules apply. */
export interface Reading {
  file: SourceFile;
  site: SiteConfig;
  data: Data;
  front: FrontMatter;
  name: FileName;
  layout: Layout;
  fail: Fail;
  /** Records a warning about a value that is left out. */
  warn: Fail;
}

/** What the rules of a content folder make of a file: the fields that differ between Jekyll's and ours. */
export interface Fields {
  title: string;
  dateMs: number | null;
  categories: string[];
  permalink: string;
  jekyll: NonNullable<Post["jekyll"]> | null;
}
