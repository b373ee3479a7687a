/**
 * Turns one source file (WordPress-export or Jekyll Markdown with YAML front matter) into a Post,
 * or says why it is skipped, or lists every problem with it.
 */
import { decodeHTML } from "entities";
import type { SiteConfig } from "../model/site.ts";
import type { SourceFile } from "./content-files.ts";
import { parseDate } from "./date.ts";
import { splitFrontMatter } from "./front-matter.ts";
import { POST_KEYS } from "./front-matter-keys.ts";
import { derivePermalink, normalizePermalink, slugify } from "./permalink.ts";
import { type Layout, type Post, UNDATED } from "./post.ts";
import type { Problem } from "./problem.ts";

export type ParseResult = { post: Post } | { skipped: string } | { problems: Problem[] };

const DATED_NAME = /^(\d{4}-\d{1,2}-\d{1,2})-(.+)$/;
const SOURCE_EXTENSION = /\.(md|markdown|mdown|mkd|html?)$/i;

type Data = Record<string, unknown>;
/** Records a problem with the value of a front matter key, at that key's line. */
type Fail = (key: string, reason: string) => void;

/** What a file's name says: Jekyll's `YYYY-MM-DD-slug.md`, or just a name. */
interface FileName {
  base: string;
  /** The date part of a dated name. */
  date: string | null;
  /** The slug part of a dated name. */
  slug: string | null;
}

export function parsePost(file: SourceFile, site: SiteConfig): ParseResult {
  const split = splitFrontMatter(file.path, file.text);
  if (split === null) {
    if (file.inPosts) return { problems: [{ file: file.path, line: 1, reason: "no front matter (a post must start with ---)" }] };
    return { skipped: "no front matter" };
  }
  if ("problems" in split) return split;
  const { data, lines, body } = split.ok;
  const skipped = unpublished(data);
  if (skipped !== null) return { skipped };
  const name = fileName(file.path);
  const layout = readLayout(data.layout, file.inPosts || name.date !== null);
  if ("skipped" in layout) return layout;

  const problems: Problem[] = [];
  const fail: Fail = (key, reason) => problems.push({ file: file.path, line: lines[key] ?? 1, reason });
  const title = readTitle(data.title, fail);
  const dateMs = readDate(data.date, name, layout.ok, site, fail);
  const updated = readUpdated(data, site, fail);
  const categories =
    "categories" in data ? readTerms(data.categories, "categories", fail) : readTerms(toList(data.category), "category", fail);
  const tags = "tags" in data ? readTerms(data.tags, "tags", fail) : readTerms(toList(data.tag), "tag", fail);
  const slug = typeof data.slug === "string" && data.slug.trim() !== "" ? slugify(data.slug) : (name.slug ?? slugify(name.base));
  const permalink = readPermalink(data.permalink, { file, layout: layout.ok, slug, dateMs, categories, site }, fail);
  const redirectFrom = readPaths(data.redirect_from, "redirect_from", fail);
  if (problems.length > 0) return { problems };

  const fields: Data = {};
  for (const [key, value] of Object.entries(data)) if (!POST_KEYS.has(key)) fields[key] = value;
  return {
    post: {
      source: file.path,
      id: typeof data.id === "number" || typeof data.id === "string" ? String(data.id) : null,
      title,
      date: dateMs === null ? UNDATED : new Date(dateMs).toISOString(),
      updated,
      author: readAuthor(data.author) ?? site.author,
      layout: layout.ok,
      permalink,
      guid: typeof data.guid === "string" ? data.guid : null,
      categories,
      tags,
      excerpt: typeof data.excerpt === "string" && data.excerpt.trim() !== "" ? data.excerpt.trim() : null,
      redirectFrom,
      fields,
      body,
      keyLines: lines,
    },
  };
}

/** Why a file is deliberately left out (`published: false`, `draft: true`, a WordPress status), or null. */
function unpublished(data: Data): string | null {
  if (data.published === false) return "published: false";
  if (data.draft === true) return "draft: true";
  const status = typeof data.status === "string" ? data.status.toLowerCase() : "publish";
  return status === "publish" || status === "published" ? null : `status: ${status}`;
}

function fileName(path: string): FileName {
  const base = (path.split("/").pop() ?? path).replace(SOURCE_EXTENSION, "");
  const dated = DATED_NAME.exec(base);
  return { base, date: dated?.[1] ?? null, slug: dated?.[2] ?? null };
}

/** `post` or `page`; a file without a layout is a post when it is dated or under `_posts/`. */
function readLayout(value: unknown, datedOrInPosts: boolean): { ok: Layout } | { skipped: string } {
  if (value === undefined || value === null) return { ok: datedOrInPosts ? "post" : "page" };
  if (value === "post" || value === "page") return { ok: value };
  return { skipped: `layout: ${String(value)}` };
}

function readTitle(value: unknown, fail: Fail): string {
  const title = typeof value === "string" || typeof value === "number" ? decodeHTML(String(value)).trim() : "";
  if (title === "") fail("title", value === undefined ? "missing title" : "title is empty or not text");
  return title;
}

/** Epoch ms of the front matter's date, else the file name's; null for an undated page. */
function readDate(value: unknown, name: FileName, layout: Layout, site: SiteConfig, fail: Fail): number | null {
  if (typeof value === "string" || typeof value === "number") {
    const ms = parseDate(String(value), site.timezone);
    if (ms === null) fail("date", `unparseable date "${String(value)}" (expected YYYY-MM-DD, optionally with time and zone)`);
    return ms;
  }
  if (value !== undefined && value !== null) {
    fail("date", "date must be text such as 2009-10-15T13:58:48+00:00");
    return null;
  }
  if (name.date !== null) return parseDate(name.date, site.timezone);
  if (layout === "post") fail("date", "missing date (and the file name does not start with YYYY-MM-DD-)");
  return null;
}

/** When the post was last changed, from whichever of Jekyll's and WordPress's keys it has. */
function readUpdated(data: Data, site: SiteConfig, fail: Fail): string | null {
  const key = ["last_modified_at", "modified", "updated"].find((k) => data[k] !== undefined && data[k] !== null);
  if (key === undefined) return null;
  const ms = parseDate(String(data[key]), site.timezone);
  if (ms === null) fail(key, `unparseable date "${String(data[key])}" in ${key}`);
  return ms === null ? null : new Date(ms).toISOString();
}

interface PermalinkFacts {
  file: SourceFile;
  layout: Layout;
  slug: string;
  dateMs: number | null;
  categories: readonly string[];
  site: SiteConfig;
}

/** The post's own `permalink:`, else a page's folder and name, else the site's pattern filled in. */
function readPermalink(value: unknown, facts: PermalinkFacts, fail: Fail): string {
  let result: { ok: string } | { error: string } | null = null;
  if (value !== undefined && value !== null) {
    result = typeof value === "string" ? normalizePermalink(value) : { error: "permalink must be text" };
  } else if (facts.layout === "page") {
    const dir = facts.file.path
      .split("/")
      .slice(0, -1)
      .filter((s) => !s.startsWith("_"));
    result = normalizePermalink(`/${[...dir, facts.slug].join("/")}/`);
  } else if (facts.dateMs !== null) {
    result = derivePermalink(facts.site.permalink, { date: new Date(facts.dateMs), slug: facts.slug, categories: facts.categories });
    if ("error" in result) result = { error: `cannot derive a permalink: ${result.error}` };
  }
  if (result === null) return "";
  if ("error" in result) fail("permalink", result.error);
  return "ok" in result ? result.ok : "";
}

/** A list of paths on this site (`redirect_from:`), each in canonical form. */
function readPaths(value: unknown, key: string, fail: Fail): string[] {
  const paths: string[] = [];
  for (const raw of toList(value)) {
    const result = typeof raw === "string" ? normalizePermalink(raw) : { error: `${key} entries must be paths` };
    if ("error" in result) fail(key, result.error);
    else paths.push(result.ok);
  }
  return paths;
}

function toList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Categories and tags: a YAML list, or (as Jekyll allows) one string of space-separated names. */
function readTerms(value: unknown, key: string, fail: Fail): string[] {
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

function readAuthor(value: unknown): string | null {
  if (typeof value === "string" && value.trim() !== "") return decodeHTML(value.trim());
  if (value !== null && typeof value === "object" && "name" in value && typeof value.name === "string") {
    return decodeHTML(value.name.trim());
  }
  return null;
}
