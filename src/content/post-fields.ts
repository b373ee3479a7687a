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

export function readTitle(value: unknown, fail: Fail, fallback: string | null = null): string {
  const title = typeof value === "string" || typeof value === "number" ? decodeHTML(String(value)).trim() : "";
  if (title !== "") return title;
  if (fallback !== null) return fallback;
  fail("title", value === undefined ? "missing title" : "title is empty or not text");
  return "";
}

/** When the post was last changed, from whichever of Jekyll's and WordPress's keys it has. */
export function readUpdated(data: Data, site: SiteConfig, fail: Fail): string | null {
  const key = ["last_modified_at", "modified", "updated"].find((k) => data[k] !== undefined && data[k] !== null);
  if (key === undefined) return null;
  const ms = parseDate(String(data[key]), site.timezone);
  if (ms === null) fail(key, `unparseable date "${String(data[key])}" in ${key}`);
  return ms === null ? null : new Date(ms).toISOString();
}

/** A list of paths on this site (`redirect_from:`), each in canonical form. */
export function readPaths(value: unknown, key: string, fail: Fail): string[] {
  const paths: string[] = [];
  for (const raw of toList(value)) {
    const result = typeof raw === "string" ? normalizePermalink(raw) : { error: `${key} entries must be paths` };
    if ("error" in result) fail(key, result.error);
    else paths.push(result.ok);
  }
  return paths;
}

export function toList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Categories and tags: a YAML list, or (as Jekyll allows) one string of space-separated names. */
export function readTerms(value: unknown, key: string, fail: Fail): string[] {
  const raw = typeof value === "string" ? value.split(/\s+/) : toList(value);
  const terms: string[] = [];
  for (const item of raw) {
    if (typeof item === "string" || typeof item === "number" || typeof item === "boolean") {
      const term = decodeHTML(String(item)).trim();
      if (term !== "" && !terms.includes(term)) terms.push(term);
    } else if (item !== null) {
      fail(key, `${key} must be a list of names`);
      return [];
    }
  }
  return terms;
}

export function readAuthor(value: unknown): string | null {
  if (typeof value === "string" && value.trim() !== "") return decodeHTML(value.trim());
  if (value !== null && typeof value === "object" && "name" in value && typeof value.name === "string") {
    return decodeHTML(value.name.trim());
  }
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
}

/** What the rules of a content folder make of a file: the fields that differ between Jekyll's and ours. */
export interface Fields {
  title: string;
  dateMs: number | null;
  categories: string[];
  permalink: string;
  jekyll: NonNullable<Post["jekyll"]> | null;
}
