/**
 * One WXR item in, one content file out: a post or page as Markdown with front matter in the seed's
 * format (id, title, date with its zone, author's display name, layout, guid, permalink, categories,
 * tags, excerpt, custom fields), plus what the engine's WordPress features read (sticky, format,
 * featured image, comments). Items never served (drafts, pending, private, trash, password-protected)
 * go under `_drafts/`. Attachments and menu items are collected by the site index instead.
 */
import { stringify } from "yaml";
import { RESERVED_KEYS } from "../content/front-matter-keys.ts";
import { type CommentTally, commentEntries } from "./comments.ts";
import type { FileNames } from "./file-names.ts";
import { itemBody } from "./item-body.ts";
import { itemKey } from "./item-ids.ts";
import { permalinkOf, type SiteIndex, stripTags } from "./site-index.ts";
import { type OldHosts, sitePathOf, uploadPath } from "./upload-links.ts";
import { frontMatterDate } from "./wxr-dates.ts";
import { metaValue, type WxrItem } from "./wxr-types.ts";

/** Where an item ends up: served (now, or from its date on) or kept unserved, and why. */
export type ItemState = "published" | "scheduled" | "draft" | "pending" | "private" | "trash" | "password-protected";

export interface ImportedFile {
  /** Relative to the content folder, `/`-separated. */
  path: string;
  text: string;
}

export type ItemResult =
  | {
      kind: "written";
      file: ImportedFile;
      state: ItemState;
      layout: "post" | "page";
      comments: CommentTally;
      used: string[];
      missing: string[];
      dynamic: string[];
    }
  | { kind: "collected"; what: "attachment" | "menu item" }
  | { kind: "left out"; reason: string }
  | { kind: "failed"; reason: string };

export interface ConvertContext {
  index: SiteIndex;
  /** Author login → display name. */
  authors: ReadonlyMap<string, string>;
  hosts: OldHosts;
  uploadExists: (rel: string) => boolean;
  names: FileNames;
}

export function convertItem(item: WxrItem, ctx: ConvertContext): ItemResult {
  if (item.type === "attachment") return { kind: "collected", what: "attachment" };
  if (item.type === "nav_menu_item") return { kind: "collected", what: "menu item" };
  if (item.type !== "post" && item.type !== "page")
    return { kind: "left out", reason: `${item.type || "untyped"} items are not published` };
  if (item.status === "auto-draft") return { kind: "left out", reason: "an auto-draft (WordPress's importer leaves these out too)" };
  const date = frontMatterDate(item.date, item.dateGmt);
  if (date === null) return { kind: "failed", reason: `unreadable date "${item.date}"` };
  const state = stateOf(item);
  const permalink = permalinkOf(ctx.index, itemKey(item));
  if (permalink === null) return { kind: "failed", reason: "no address could be made for it" };
  const body = itemBody(item.content, ctx.hosts, ctx.uploadExists);
  const { entries, tally } = commentEntries(item.comments);

  const data: Record<string, unknown> = {};
  if (item.id !== "") data.id = /^\d{1,15}$/.test(item.id) ? Number(item.id) : item.id;
  data.title = stripTags(item.title) || "(no title)";
  // WordPress titles are HTML: headings show their markup, <title> and feeds the plain text above.
  if (/<[a-z][^>]*>/i.test(item.title)) data.title_html = item.title.trim();
  data.date = date;
  data.author = ctx.authors.get(item.creator) ?? item.creator;
  data.layout = item.type;
  if (item.guid !== "") data.guid = item.guid;
  data.permalink = permalink;
  const categories = termNames(item, "category");
  const tags = termNames(item, "post_tag");
  if (item.type === "post" || categories.length > 0) data.categories = categories;
  if (tags.length > 0) data.tags = tags;
  if (item.excerpt.trim() !== "") data.excerpt = item.excerpt.trim();
  if (state !== "published" && state !== "scheduled") data.status = state;
  const modified = frontMatterDate(item.modified, item.modifiedGmt);
  if (modified !== null && modified !== date) data.modified = modified;
  if (item.sticky && item.type === "post") data.sticky = true;
  const format = item.terms.find((t) => t.domain === "post_format")?.slug.replace(/^post-format-/, "");
  if (format && format !== "standard") data.format = format;
  const image = featuredImage(item, ctx);
  if (image !== null) data.image = image;
  if (item.type === "page" && item.menuOrder !== 0) data.menu_order = item.menuOrder;
  const oldSlugs = redirectsFromOldSlugs(item, permalink);
  if (oldSlugs.length > 0) data.redirect_from = oldSlugs;
  for (const [domain, names] of otherTaxonomies(item)) data[RESERVED_KEYS.has(domain) ? `wp_${domain}` : domain] = names;
  for (const [key, value] of customFields(item)) if (!(key in data)) data[key] = value;
  if (entries.length > 0) data.comments = entries;

  const path = ctx.names.claim(fileFor(item, state, permalink, date, ctx), item.id);
  const text = `---\n${stringify(data, { lineWidth: 0, aliasDuplicateObjects: false })}---\n${body.markdown}`;
  return {
    kind: "written",
    file: { path, text },
    state,
    layout: item.type,
    comments: tally,
    used: body.used,
    missing: body.missing,
    dynamic: body.dynamic,
  };
}

/** Only `publish` is served now and `future` from its date; a password keeps any item unserved. */
function stateOf(item: WxrItem): ItemState {
  if (item.password !== "" && (item.status === "publish" || item.status === "future")) return "password-protected";
  switch (item.status) {
    case "publish":
      return "published";
    case "future":
      return "scheduled";
    case "pending":
    case "private":
    case "trash":
      return item.status;
    default:
      return "draft";
  }
}

const UNSERVED_FOLDER: Record<ItemState, string> = {
  published: "",
  scheduled: "",
  draft: "_drafts/",
  pending: "_drafts/pending/",
  private: "_drafts/private/",
  trash: "_drafts/trash/",
  "password-protected": "_drafts/password-protected/",
};

/**
 * Posts in `posts/` under dated names (the engine's own layout, so WordPress text is never read as
 * Jekyll's Liquid); pages at their address's path, so they sit under their parents.
 */
function fileFor(item: WxrItem, state: ItemState, permalink: string, date: string, ctx: ConvertContext): string {
  const slug = (ctx.index.items.get(itemKey(item))?.slug ?? item.id).replace(/[/\\]/g, "-").slice(0, 100);
  const served = state === "published" || state === "scheduled";
  if (item.type === "post") return `${served ? "posts/" : UNSERVED_FOLDER[state]}${date.slice(0, 10)}-${slug}.md`;
  const segments = permalink.split("/").filter((s) => s !== "");
  const plain = segments.length > 0 && segments.every((s) => !/^[_.]/.test(s) && s.length <= 100) && !/\.[a-z0-9]{1,5}$/i.test(permalink);
  const rel = plain ? segments.join("/") : `pages/${slug}`;
  return `${served ? "" : UNSERVED_FOLDER[state]}${rel}.md`;
}

function termNames(item: WxrItem, domain: string): string[] {
  const names: string[] = [];
  for (const t of item.terms) if (t.domain === domain && t.name !== "" && !names.includes(t.name)) names.push(t.name);
  return names;
}

/** Terms of custom taxonomies (a plugin's `series`, `product_cat`), kept as custom fields named for the taxonomy. */
function otherTaxonomies(item: WxrItem): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of item.terms) {
    if (["category", "post_tag", "post_format", "nav_menu"].includes(t.domain) || t.name === "") continue;
    const list = out.get(t.domain) ?? [];
    if (!list.includes(t.name)) list.push(t.name);
    out.set(t.domain, list);
  }
  return out;
}

/** Post meta the author wrote (WordPress hides keys starting with `_`); a key given twice becomes a list. */
function customFields(item: WxrItem): Map<string, string | string[]> {
  const out = new Map<string, string | string[]>();
  for (const { key, value } of item.meta) {
    if (key.startsWith("_")) continue;
    const name = RESERVED_KEYS.has(key) ? `wp_${key}` : key;
    const before = out.get(name);
    out.set(name, before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value]);
  }
  return out;
}

/** The featured image (`_thumbnail_id`): the site's own copy when the file came along, else the old address. */
function featuredImage(item: WxrItem, ctx: ConvertContext): string | null {
  const id = metaValue(item, "_thumbnail_id")?.trim();
  const attachment = id ? ctx.index.attachments.get(id) : undefined;
  if (!attachment) return null;
  const rel = attachment.file ?? uploadPath(attachment.url, ctx.hosts);
  if (rel !== null && ctx.uploadExists(rel)) return sitePathOf(rel);
  return attachment.url || null;
}

/** WordPress answers a post's old slugs (`_wp_old_slug`) with a redirect; so does the new site. */
function redirectsFromOldSlugs(item: WxrItem, permalink: string): string[] {
  if (lastSegment(permalink) === null) return [];
  const out: string[] = [];
  for (const m of item.meta) {
    if (m.key !== "_wp_old_slug" || m.value.trim() === "") continue;
    const old = permalink.replace(/[^/]+\/$/, `${m.value.trim()}/`);
    if (old !== permalink && !out.includes(old)) out.push(old);
  }
  return out;
}

function lastSegment(permalink: string): string | null {
  return /\/([^/]+)\/$/.exec(permalink)?.[1] ?? null;
}
