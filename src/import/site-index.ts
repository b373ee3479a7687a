/**
 * What a first read of the export collects so each item can be converted on the second: every
 * item's id, type, status and address (menus, parent pages and galleries name items by id, and an
 * item may come before the one it names), the attachments, the menu items and the channel's terms.
 * Holds a few short strings per item, never content, so it stays small for any export size.
 */
import { normalizePermalink } from "../content/permalink.ts";
import { itemKey } from "./item-ids.ts";
import { wordpressSlug } from "./wordpress-slug.ts";
import { offsetMinutes, wallAsUtc } from "./wxr-dates.ts";
import { metaValue, type WxrChannel, type WxrItem } from "./wxr-types.ts";

export interface IndexedItem {
  type: string;
  status: string;
  /** Decoded post_name, or the slug WordPress makes from the title when the export has none (drafts, theme-preview exports). */
  slug: string;
  title: string;
  /** The path of the item's `<link>`, when it is a real address (not `?p=`). */
  linkPath: string | null;
  parent: string;
  /** `YYYY/MM/DD` of the local date, for addresses made up for items whose link is `?p=`. */
  day: string;
  password: boolean;
}

export interface IndexedAttachment {
  id: string;
  /** The file as the old site served it. */
  url: string;
  /** Path inside the uploads folder, when known. */
  file: string | null;
  title: string;
  caption: string;
  description: string;
  alt: string;
  parent: string;
  order: number;
  linkPath: string | null;
}

export interface IndexedMenuItem {
  id: string;
  title: string;
  order: number;
  menu: string;
  /** `post_type`, `taxonomy`, `custom`, `post_type_archive`. */
  kind: string;
  object: string;
  objectId: string;
  parent: string;
  url: string;
}

export interface SiteIndex {
  channel: WxrChannel;
  items: Map<string, IndexedItem>;
  attachments: Map<string, IndexedAttachment>;
  menuItems: IndexedMenuItem[];
  /** How often each UTC offset (minutes) appears among items' dates: the site's zone, when there is one. */
  offsets: Map<number, number>;
  /** Slugs in use, by where WordPress keeps them unique (the post type; for pages, the parent too). */
  slugs: Set<string>;
  total: number;
}

export function newSiteIndex(channel: WxrChannel): SiteIndex {
  return { channel, items: new Map(), attachments: new Map(), menuItems: [], offsets: new Map(), slugs: new Set(), total: 0 };
}

/** The path of a WordPress address, or null for a query address (`?p=12`), the home page or something unreadable. */
export function linkPathOf(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (/[?&](?:p|page_id|attachment_id|post_type|preview)=/.test(url.search)) return null;
  const path = normalizePermalink(url.pathname);
  if ("error" in path || path.ok === "/") return null;
  return path.ok;
}

/** A post_name as WordPress stores it (percent-encoded for non-Latin slugs), decoded. */
export function decodeSlug(name: string): string {
  try {
    return decodeURIComponent(name).normalize("NFC");
  } catch {
    return name;
  }
}

export function indexItem(index: SiteIndex, item: WxrItem): void {
  index.total++;
  const offset = offsetMinutes(item.date, item.dateGmt);
  if (offset !== null && (item.type === "post" || item.type === "page")) index.offsets.set(offset, (index.offsets.get(offset) ?? 0) + 1);
  if (item.type === "attachment") {
    index.attachments.set(itemKey(item), attachmentOf(item));
  } else if (item.type === "nav_menu_item") {
    index.menuItems.push(menuItemOf(item));
    return;
  }
  const wall = wallAsUtc(item.date);
  const day = wall === null ? "" : new Date(wall).toISOString().slice(0, 10).replaceAll("-", "/");
  index.items.set(itemKey(item), {
    type: item.type,
    status: item.status,
    slug: slugOf(index, item),
    title: item.title,
    linkPath: linkPathOf(item.link),
    parent: item.parent,
    day,
    password: item.password !== "",
  });
}

/**
 * The item's post_name, else the slug WordPress gives it on publishing: its title's
 * (sanitize_title), made unique among its post type (among siblings, for pages) with `-2`, `-3`, as
 * wp_unique_post_slug does. Drafts get no unique slug from WordPress; theirs only names their file.
 */
function slugOf(index: SiteIndex, item: WxrItem): string {
  const scope = item.type === "page" ? `page ${item.parent} ` : `${item.type} `;
  const named = decodeSlug(item.name);
  if (named !== "") {
    index.slugs.add(scope + named);
    return named;
  }
  const base = wordpressSlug(item.title) || `${item.type}-${item.id}`;
  if (["draft", "pending", "auto-draft"].includes(item.status)) return base;
  let slug = base;
  for (let n = 2; index.slugs.has(scope + slug); n++) slug = `${base}-${n}`;
  index.slugs.add(scope + slug);
  return slug;
}

function attachmentOf(item: WxrItem): IndexedAttachment {
  const attached = metaValue(item, "_wp_attached_file");
  return {
    id: item.id,
    url: item.attachmentUrl || item.guid,
    file: attached ? attached.replace(/^\/+/, "") : null,
    title: stripTags(item.title),
    caption: item.excerpt.trim(),
    description: item.content.trim(),
    alt: metaValue(item, "_wp_attachment_image_alt")?.trim() ?? "",
    parent: item.parent,
    order: item.menuOrder,
    linkPath: linkPathOf(item.link),
  };
}

function menuItemOf(item: WxrItem): IndexedMenuItem {
  const meta = (key: string) => metaValue(item, key)?.trim() ?? "";
  return {
    id: item.id,
    title: stripTags(item.title),
    order: item.menuOrder,
    menu: item.terms.find((t) => t.domain === "nav_menu")?.slug ?? "",
    kind: meta("_menu_item_type"),
    object: meta("_menu_item_object"),
    objectId: meta("_menu_item_object_id"),
    parent: meta("_menu_item_menu_item_parent") || "0",
    url: meta("_menu_item_url"),
  };
}

/** Titles may hold markup (`<em>`); addresses, menus and front matter take their text. */
export function stripTags(text: string): string {
  return text.replace(/<[^>]*>/g, "").trim();
}

/**
 * The address an item has on the new site: its old address (the path of its `<link>`), else one
 * made as WordPress's pretty permalinks would (`/YYYY/MM/DD/slug/` for posts, the parents' path and
 * the slug for pages).
 */
export function permalinkOf(index: SiteIndex, id: string, seen = new Set<string>()): string | null {
  const item = index.items.get(id);
  if (!item) return null;
  if (item.linkPath !== null) return item.linkPath;
  if (item.type === "page") {
    seen.add(id);
    const parent = item.parent !== "0" && !seen.has(item.parent) ? permalinkOf(index, item.parent, seen) : null;
    const path = normalizePermalink(`${parent ?? "/"}${item.slug}/`);
    return "ok" in path ? path.ok : null;
  }
  if (item.day === "") return null;
  const path = normalizePermalink(`/${item.day}/${item.slug}/`);
  return "ok" in path ? path.ok : null;
}

/** The UTC offset most of the site's dates have, or null when it has none. */
export function usualOffset(index: SiteIndex): number | null {
  let best: [number, number] | null = null;
  for (const [offset, count] of index.offsets) if (best === null || count > best[1]) best = [offset, count];
  return best?.[0] ?? null;
}
