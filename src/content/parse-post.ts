/**
 * Turns one source file (WordPress-export or Jekyll Markdown with YAML front matter) into a Post,
 * or says why it is skipped, or lists every problem with it. A file of a Jekyll site (`jekyll` given)
 * is read by Jekyll's rules (content/jekyll/), a file of our own content folder by ours.
 */
import type { SiteConfig } from "../model/site.ts";
import type { SourceFile } from "./content-files.ts";
import { parseDate } from "./date.ts";
import { splitFrontMatter } from "./front-matter.ts";
import { POST_KEYS } from "./front-matter-keys.ts";
import { jekyllFields } from "./jekyll/jekyll-fields.ts";
import { datedPostName, type JekyllRules, type Origin, withDefaults } from "./jekyll/post-rules.ts";
import { derivePermalink, normalizePermalink, slugify } from "./permalink.ts";
import { type Layout, type Post, UNDATED } from "./post.ts";
import {
  type Data,
  type Fail,
  type Fields,
  type FileName,
  nonContentLayout,
  type Reading,
  readAuthor,
  readExcerpt,
  readPaths,
  readTerms,
  readTitle,
  readUpdated,
  toList,
  unpublished,
} from "./post-fields.ts";
import type { Problem } from "./problem.ts";

export type ParseResult = { post: Post; warnings: Problem[] } | { skipped: string } | { problems: Problem[] };

const DATED_NAME = /^(\d{4}-\d{1,2}-\d{1,2})-(.+)$/;
const SOURCE_EXTENSION = /\.(md|markdown|mdown|mkd|html?)$/i;

/** Unpublished items a local preview with `--drafts` shows (WordPress's other statuses stay out). */
const DRAFT_REASONS = new Set(["published: false", "draft: true", "status: draft"]);

/** `drafts`: local preview shows drafts (see DRAFT_REASONS and `_drafts/`) as posts marked "draft". */
export function parsePost(
  file: SourceFile,
  site: SiteConfig,
  jekyll: JekyllRules | null = null,
  { drafts = false }: { drafts?: boolean } = {},
): ParseResult {
  const split = splitFrontMatter(file.path, file.text);
  if (split !== null && "problems" in split) return split;
  // Jekyll publishes a post that has no front matter (titled after its file name); we do too for a Jekyll site.
  if (split === null && !(file.inPosts && jekyll !== null)) {
    if (file.inPosts) return { problems: [{ file: file.path, line: 1, reason: "no front matter (a post must start with ---)" }] };
    return { skipped: "no front matter" };
  }
  const front = split?.ok ?? { data: {}, lines: {}, plain: new Set<string>(), warnings: [], body: file.text, bodyLine: 1 };
  const name = fileName(file, jekyll !== null);
  if (jekyll !== null && file.inPosts && name.date === null)
    return { skipped: "not a post: Jekyll reads only YYYY-MM-DD-title files in _posts/" };

  const isPost = jekyll !== null ? file.inPosts : null;
  const merged =
    jekyll !== null
      ? withDefaults(front, file.path, file.inPosts, jekyll)
      : { data: front.data, origin: (key: string): Origin => ({ file: file.path, line: front.lines[key] ?? 1 }), fromFile: () => true };
  const { data, origin } = merged;
  const reason = unpublished(data);
  const draft = file.draft !== undefined || (drafts && reason !== null && DRAFT_REASONS.has(reason));
  const skipped = (draft ? null : reason) ?? nonContentLayout(data.layout);
  if (skipped !== null) return { skipped };

  const problems: Problem[] = [];
  const warnings: Problem[] = [...front.warnings];
  const fail: Fail = (key, reason) => problems.push({ ...origin(key), reason });
  // A value the engine cannot use is left out with a warning: the theme that wrote it may still mean something by it.
  const warn: Fail = (key, reason) => warnings.push({ ...origin(key), reason });
  const layout: Layout = isPost !== null ? (isPost ? "post" : "page") : ownLayout(data.layout, name.date !== null || file.inPosts);
  const reading: Reading = { file, site, data, front, name, layout, fail, warn };
  const fields = jekyll !== null ? jekyllFields(reading, merged.fromFile, jekyll.document) : ownFields(reading);
  const updated = readUpdated(data, site, warn);
  const tags = "tags" in data ? readTerms(data.tags, "tags", warn) : readTerms(toList(data.tag), "tag", warn);
  const redirectFrom = readPaths(data.redirect_from, "redirect_from", warn);
  const author = readAuthor(data, warn);
  const excerpt = readExcerpt(data.excerpt, warn);
  if (problems.length > 0) return { problems };

  const custom: Data = {};
  for (const [key, value] of Object.entries(data)) if (!POST_KEYS.has(key)) custom[key] = value;
  // A theme's `page.author` is the front matter's as written (a name, a key of _data/authors.yml, a
  // map), and nothing when the post names none: Jekyll does not fall back to the site's author there.
  for (const key of ["author", "authors"]) if (data[key] !== undefined && data[key] !== null) custom[key] = data[key];
  const post: Post = {
    source: file.path,
    id: typeof data.id === "number" || typeof data.id === "string" ? String(data.id) : null,
    title: fields.title,
    date: fields.dateMs === null ? UNDATED : new Date(fields.dateMs).toISOString(),
    updated,
    author: author ?? site.author,
    layout,
    permalink: fields.permalink,
    guid: typeof data.guid === "string" ? data.guid : null,
    categories: fields.categories,
    tags,
    excerpt,
    redirectFrom,
    fields: custom,
    body: front.body,
    bodyLine: front.bodyLine,
    keyLines: front.lines,
  };
  if (fields.jekyll !== null) post.jekyll = fields.jekyll;
  if (typeof data.layout === "string") post.themeLayout = data.layout;
  const inherited = Object.keys(data).filter((key) => !merged.fromFile(key));
  if (inherited.length > 0) post.keyOrigins = Object.fromEntries(inherited.map((key) => [key, origin(key)]));
  if (draft) post.preview = "draft";
  return { post, warnings };
}

/** Our own content folders: dated names anywhere are posts at the site's pattern; pages sit at `/<folder>/<name>/`. */
function ownFields({ file, site, data, name, layout, fail, warn }: Reading): Fields {
  const title = readTitle(data.title, fail);
  const dateMs = readDate(data.date, name, layout, site, fail);
  const categories =
    "categories" in data ? readTerms(data.categories, "categories", warn) : readTerms(toList(data.category), "category", warn);
  const slug = typeof data.slug === "string" && data.slug.trim() !== "" ? slugify(data.slug) : (name.slug ?? slugify(name.base));
  let result: { ok: string } | { error: string } | null = null;
  if (data.permalink !== undefined && data.permalink !== null) {
    result = typeof data.permalink === "string" ? normalizePermalink(data.permalink) : { error: "permalink must be text" };
  } else if (layout === "page") {
    const dir = file.path
      .split("/")
      .slice(0, -1)
      .filter((s) => !s.startsWith("_"));
    result = normalizePermalink(`/${[...dir, slug].join("/")}/`);
  } else if (dateMs !== null) {
    result = derivePermalink(site.permalink, { date: new Date(dateMs), slug, categories }, site.timezone);
    if ("error" in result) result = { error: `cannot derive a permalink: ${result.error}` };
  }
  if (result !== null && "error" in result) fail("permalink", result.error);
  return { title, dateMs, categories, permalink: result !== null && "ok" in result ? result.ok : "", jekyll: null };
}

function fileName({ path, draft }: SourceFile, jekyll: boolean): FileName {
  const base = (path.split("/").pop() ?? path).replace(SOURCE_EXTENSION, "");
  // Jekyll dates a draft by its file's modification time and takes its slug from the whole name (Jekyll::Document for drafts).
  if (draft !== undefined) return { base, date: new Date(draft.mtimeMs).toISOString(), slug: base };
  if (jekyll) {
    const dated = datedPostName(path);
    return { base, date: dated?.date ?? null, slug: dated?.slug ?? null };
  }
  const dated = DATED_NAME.exec(base);
  return { base, date: dated?.[1] ?? null, slug: dated?.[2] ?? null };
}

/** In our own folders `post` and `page` say what a file is; any other layout is the theme's, and dated files are posts. */
function ownLayout(value: unknown, datedOrInPosts: boolean): Layout {
  if (value === "post" || value === "page") return value;
  return datedOrInPosts ? "post" : "page";
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
