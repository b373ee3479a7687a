/**
 * Site-wide data from Jekyll's `_data/` folder that the engine understands: the navigation menu
 * (`navigation.yml`, minimal-mistakes' shape), and what a WordPress import adds: categories with
 * their parents and descriptions, tags and authors with WordPress's slugs, and attachments by id.
 * Every file is optional; other `_data/` files are left to the site's templates.
 */
import { decodeHTML } from "entities";
import type { NavLink } from "../../model/site.ts";
import type { Problem } from "../problem.ts";
import { type DataNode, readDataFile } from "./data-file.ts";

export interface TermInfo {
  id: string | null;
  name: string;
  slug: string;
  /** The parent's slug (categories), or "". */
  parent: string;
  description: string;
}

export interface AuthorInfo {
  /** The key in `authors.yml`: WordPress's login, or a Jekyll site's author key. */
  key: string;
  name: string;
  slug: string | null;
  id: string | null;
}

export interface AttachmentInfo {
  id: string;
  /** The site's path of the file (`/wp-content/uploads/…`) or its full address elsewhere. */
  file: string;
  title: string;
  caption: string;
  alt: string;
  parent: string | null;
  order: number;
  /** The attachment page's old path. */
  page: string | null;
}

export interface SiteData {
  /** `main` of `navigation.yml`, or null when the site has none (pages make the navigation then). */
  navigation: NavLink[] | null;
  categories: TermInfo[];
  tags: TermInfo[];
  authors: AuthorInfo[];
  attachments: Map<string, AttachmentInfo>;
}

export const EMPTY_SITE_DATA: SiteData = { navigation: null, categories: [], tags: [], authors: [], attachments: new Map() };

const NAMES = ["navigation", "categories", "tags", "authors", "attachments"] as const;

/** `files`: the `_data/` files, paths relative to the content folder. */
export function parseSiteData(files: ReadonlyArray<{ path: string; text: string }>): { data: SiteData } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const data: SiteData = { ...EMPTY_SITE_DATA, attachments: new Map() };
  for (const file of files) {
    const name = /^_data\/([^/]+)\.ya?ml$/.exec(file.path)?.[1];
    if (!NAMES.includes(name as (typeof NAMES)[number])) continue;
    const read = readDataFile(file.path, file.text);
    if ("problems" in read) {
      problems.push(...read.problems);
      continue;
    }
    const root = read.root;
    // A file of comments only (a new chirpy site's authors.yml) is YAML's null: no data, not bad data.
    if (root.value === null) continue;
    const fail = (node: DataNode, reason: string) => problems.push({ file: file.path, line: node.line, reason });
    if (name === "navigation") data.navigation = navigation(root, fail);
    else if (name === "categories" || name === "tags") data[name] = terms(root, fail);
    else if (name === "authors") data.authors = authors(root, fail);
    else if (name === "attachments") data.attachments = attachments(root, fail);
  }
  return problems.length > 0 ? { problems } : { data };
}

type Fail = (node: DataNode, reason: string) => void;

function navigation(root: DataNode, fail: Fail): NavLink[] | null {
  const main = root.get("main");
  if (main === undefined) return null;
  return links(main, fail);
}

function links(list: DataNode, fail: Fail): NavLink[] {
  if (!Array.isArray(list.value)) {
    fail(list, "a menu must be a list of entries with title and url");
    return [];
  }
  const out: NavLink[] = [];
  for (const entry of list.items()) {
    const title = entry.text("title");
    const url = entry.text("url");
    if (title === null || url === null) {
      fail(entry, "each menu entry needs a title and a url");
      continue;
    }
    const link: NavLink = { title: decodeHTML(title), path: url };
    const children = entry.get("children");
    if (children !== undefined) link.children = links(children, fail);
    out.push(link);
  }
  return out;
}

function terms(root: DataNode, fail: Fail): TermInfo[] {
  if (!Array.isArray(root.value)) {
    fail(root, "expected a list of terms, each with name and slug");
    return [];
  }
  const out: TermInfo[] = [];
  for (const entry of root.items()) {
    const name = entry.text("name");
    const slug = entry.text("slug");
    if (name === null || slug === null || slug === "") {
      fail(entry, "each term needs a name and a slug");
      continue;
    }
    out.push({
      id: entry.text("id"),
      name: decodeHTML(name).trim(),
      slug,
      parent: entry.text("parent") ?? "",
      description: entry.text("description") ?? "",
    });
  }
  return out;
}

function authors(root: DataNode, fail: Fail): AuthorInfo[] {
  if (!root.isMap()) {
    fail(root, "expected authors by key, each with a name");
    return [];
  }
  const out: AuthorInfo[] = [];
  for (const [key, entry] of root.entries()) {
    const name = entry.isMap() ? entry.text("name") : null;
    if (name === null) continue; // A Jekyll theme's author entry without a name is not ours to check.
    out.push({ key, name: decodeHTML(name).trim(), slug: entry.text("slug"), id: entry.text("id") });
  }
  return out;
}

function attachments(root: DataNode, fail: Fail): Map<string, AttachmentInfo> {
  const out = new Map<string, AttachmentInfo>();
  if (!root.isMap()) {
    fail(root, "expected attachments by WordPress id, each with a file");
    return out;
  }
  for (const [id, entry] of root.entries()) {
    const file = entry.isMap() ? entry.text("file") : null;
    if (file === null || file === "") {
      fail(entry, `attachment ${id} needs a file`);
      continue;
    }
    const order = Number(entry.text("order") ?? 0);
    out.set(id, {
      id,
      file,
      title: entry.text("title") ?? "",
      caption: entry.text("caption") ?? "",
      alt: entry.text("alt") ?? "",
      parent: entry.text("parent"),
      order: Number.isFinite(order) ? order : 0,
      page: entry.text("page"),
    });
  }
  return out;
}
