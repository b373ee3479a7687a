/**
 * What a WordPress export (WXR, `Tools → Export`) holds, as plain data: the channel's site facts,
 * authors and terms, and one WxrItem per `<item>` (post, page, attachment, menu item, …). The CLI's
 * streaming reader fills these; everything under src/import/ works on them without any I/O.
 * Element names follow wp-admin/includes/export.php (WXR 1.0–1.2).
 */

/** The WXR versions WordPress's exporter has written (`<wp:wxr_version>`). */
export const KNOWN_WXR_VERSIONS = ["1.0", "1.1", "1.2"] as const;

export interface WxrAuthor {
  id: string;
  login: string;
  displayName: string;
}

/** A category, tag or other term (`wp:category`, `wp:tag`, `wp:term`). */
export interface WxrTerm {
  id: string;
  /** `category`, `post_tag`, `nav_menu`, `post_format` or a custom taxonomy. */
  taxonomy: string;
  slug: string;
  name: string;
  /** The parent's slug (WXR names parents by slug), or "". */
  parent: string;
  description: string;
}

export interface WxrChannel {
  title: string;
  link: string;
  description: string;
  language: string;
  wxrVersion: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
  authors: WxrAuthor[];
  terms: WxrTerm[];
}

export interface WxrMeta {
  key: string;
  value: string;
}

export interface WxrComment {
  id: string;
  author: string;
  authorUrl: string;
  date: string;
  dateGmt: string;
  content: string;
  /** `1` approved, `0` pending, `spam`, `trash`, `post-trashed`. */
  approved: string;
  /** "" or `comment`, `pingback`, `trackback`, or a plugin's type. */
  type: string;
  parent: string;
}

/** A term as an item names it: `<category domain="post_tag" nicename="slug">Name</category>`. */
export interface WxrItemTerm {
  domain: string;
  slug: string;
  name: string;
}

export interface WxrItem {
  /** Line of the export where the item starts, for messages. */
  line: number;
  title: string;
  link: string;
  creator: string;
  guid: string;
  content: string;
  excerpt: string;
  id: string;
  /** `YYYY-MM-DD HH:MM:SS` in the site's own time. */
  date: string;
  /** The same moment in UTC; `0000-00-00 00:00:00` for drafts that were never dated. */
  dateGmt: string;
  modified: string;
  modifiedGmt: string;
  name: string;
  status: string;
  parent: string;
  menuOrder: number;
  type: string;
  password: string;
  sticky: boolean;
  attachmentUrl: string;
  terms: WxrItemTerm[];
  meta: WxrMeta[];
  comments: WxrComment[];
}

export function emptyItem(line: number): WxrItem {
  return {
    line,
    title: "",
    link: "",
    creator: "",
    guid: "",
    content: "",
    excerpt: "",
    id: "",
    date: "",
    dateGmt: "",
    modified: "",
    modifiedGmt: "",
    name: "",
    status: "",
    parent: "0",
    menuOrder: 0,
    type: "",
    password: "",
    sticky: false,
    attachmentUrl: "",
    terms: [],
    meta: [],
    comments: [],
  };
}

export function emptyComment(): WxrComment {
  return { id: "", author: "", authorUrl: "", date: "", dateGmt: "", content: "", approved: "", type: "", parent: "0" };
}

/** The first value of a post meta key, or undefined. */
export function metaValue(item: WxrItem, key: string): string | undefined {
  return item.meta.find((m) => m.key === key)?.value;
}
