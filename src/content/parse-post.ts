/**
 * Turns one source file (WordPress-export or Jekyll Markdown with YAML front matter) into a Post,
 * or says why it is skipped, or lists every problem with it.
 */
import { decodeHTML } from "entities";
import type { SiteConfig } from "../model/site.ts";
import type { SourceFile } from "./content-files.ts";
import { parseDate } from "./date.ts";
import { splitFrontMatter } from "./front-matter.ts";
import { derivePermalink, normalizePermalink, slugify } from "./permalink.ts";
import { type Layout, type Post, UNDATED } from "./post.ts";
import type { Problem } from "./problem.ts";

export type ParseResult = { post: Post } | { skipped: string } | { problems: Problem[] };

/** Keys this engine reads; every other key is a custom field, kept but not shown. */
const KNOWN_KEYS = new Set([
  "id",
  "title",
  "date",
  "author",
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

const DATED_NAME = /^(\d{4}-\d{1,2}-\d{1,2})-(.+)$/;

export function parsePost(file: SourceFile, site: SiteConfig): ParseResult {
  const split = splitFrontMatter(file.path, file.text);
  if (split === null) {
    if (file.inPosts) return { problems: [{ file: file.path, line: 1, reason: "no front matter (a post must start with ---)" }] };
    return { skipped: "no front matter" };
  }
  if ("problems" in split) return split;
  const { data, lines, body } = split.ok;
  const problems: Problem[] = [];
  const at = (key: string) => lines[key] ?? 1;
  const fail = (key: string, reason: string) => problems.push({ file: file.path, line: at(key), reason });

  if (data.published === false || data.draft === true) return { skipped: "published: false" };
  const status = typeof data.status === "string" ? data.status.toLowerCase() : "publish";
  if (status !== "publish" && status !== "published") return { skipped: `status: ${status}` };

  const baseName = (file.path.split("/").pop() ?? file.path).replace(/\.(md|markdown|mdown|mkd|html?)$/i, "");
  const dated = DATED_NAME.exec(baseName);

  const layoutValue = data.layout;
  let layout: Layout;
  if (layoutValue === undefined || layoutValue === null) {
    layout = file.inPosts || dated ? "post" : "page";
  } else if (layoutValue === "post" || layoutValue === "page") {
    layout = layoutValue;
  } else {
    return { skipped: `layout: ${String(layoutValue)}` };
  }

  const title = typeof data.title === "string" || typeof data.title === "number" ? decodeHTML(String(data.title)).trim() : "";
  if (title === "") fail("title", data.title === undefined ? "missing title" : "title is empty or not text");

  let dateMs: number | null = null;
  const rawDate = data.date;
  if (typeof rawDate === "string" || typeof rawDate === "number") {
    dateMs = parseDate(String(rawDate), site.timezone);
    if (dateMs === null) fail("date", `unparseable date "${String(rawDate)}" (expected YYYY-MM-DD, optionally with time and zone)`);
  } else if (rawDate !== undefined && rawDate !== null) {
    fail("date", "date must be text such as 2009-10-15T13:58:48+00:00");
  } else if (dated?.[1]) {
    dateMs = parseDate(dated[1], site.timezone);
  } else if (layout === "post") {
    fail("date", "missing date (and the file name does not start with YYYY-MM-DD-)");
  }

  const updatedKey = ["last_modified_at", "modified", "updated"].find((k) => data[k] !== undefined && data[k] !== null);
  let updated: string | null = null;
  if (updatedKey) {
    const ms = parseDate(String(data[updatedKey]), site.timezone);
    if (ms === null) fail(updatedKey, `unparseable date "${String(data[updatedKey])}" in ${updatedKey}`);
    else updated = new Date(ms).toISOString();
  }

  const categories =
    "categories" in data ? readTerms(data.categories, "categories", fail) : readTerms(toList(data.category), "category", fail);
  const tags = "tags" in data ? readTerms(data.tags, "tags", fail) : readTerms(toList(data.tag), "tag", fail);

  const slug = typeof data.slug === "string" && data.slug.trim() !== "" ? slugify(data.slug) : (dated?.[2] ?? slugify(baseName));

  let permalink = "";
  if (data.permalink !== undefined && data.permalink !== null) {
    const result = typeof data.permalink === "string" ? normalizePermalink(data.permalink) : { error: "permalink must be text" };
    if ("error" in result) fail("permalink", result.error);
    else permalink = result.ok;
  } else if (layout === "page") {
    const dir = file.path
      .split("/")
      .slice(0, -1)
      .filter((s) => !s.startsWith("_"));
    const result = normalizePermalink(`/${[...dir, slug].join("/")}/`);
    if ("error" in result) fail("permalink", result.error);
    else permalink = result.ok;
  } else if (dateMs !== null) {
    const result = derivePermalink(site.permalink, { date: new Date(dateMs), slug, categories });
    if ("error" in result) fail("permalink", `cannot derive a permalink: ${result.error}`);
    else permalink = result.ok;
  }

  const redirectFrom: string[] = [];
  for (const raw of toList(data.redirect_from)) {
    const result = typeof raw === "string" ? normalizePermalink(raw) : { error: "redirect_from entries must be paths" };
    if ("error" in result) fail("redirect_from", result.error);
    else redirectFrom.push(result.ok);
  }

  const author = readAuthor(data.author) ?? site.author;
  const excerpt = typeof data.excerpt === "string" && data.excerpt.trim() !== "" ? data.excerpt.trim() : null;

  if (problems.length > 0) return { problems };

  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) if (!KNOWN_KEYS.has(key)) fields[key] = value;

  return {
    post: {
      source: file.path,
      id: typeof data.id === "number" || typeof data.id === "string" ? String(data.id) : null,
      title,
      date: dateMs === null ? UNDATED : new Date(dateMs).toISOString(),
      updated,
      author,
      layout,
      permalink,
      guid: typeof data.guid === "string" ? data.guid : null,
      categories,
      tags,
      excerpt,
      redirectFrom,
      fields,
      body,
      keyLines: lines,
    },
  };
}

function toList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Categories and tags: a YAML list, or (as Jekyll allows) one string of space-separated names. */
function readTerms(value: unknown, key: string, fail: (key: string, reason: string) => void): string[] {
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
