/**
 * The WordPress features of a post beyond its text, worked out once per publish: whether it is
 * sticky, its post format, its featured image, and its comments threaded as they were (pingbacks
 * and trackbacks apart), and a title's markup (`title_html:`). A comment keeps the HTML WordPress allowed in comments (comment-html.ts).
 */
import { decodeHTML } from "entities";
import type { MediaFile } from "../content/content-files.ts";
import { type FieldImage, readSwitch } from "../content/feature-fields.ts";
import type { Post } from "../content/post.ts";
import type { PostComment } from "../content/post-comments.ts";
import type { AttachmentInfo } from "../content/site-data/site-data.ts";
import type { GalleryImage } from "../markdown/render-data.ts";
import type { CommentModel, PingModel } from "../model/page-models.ts";
import { commentHtml } from "./comment-html.ts";
import { mediaPath } from "./conflicts.ts";
import { titleHtml } from "./title-html.ts";

export interface PostExtras {
  sticky: boolean;
  format: string | null;
  image: { src: string; alt: string } | null;
  comments: CommentModel[];
  commentCount: number;
  pings: PingModel[];
  /** The title with its inline markup, for headings; null when it has none. */
  titleHtml: string | null;
}

/** WordPress's post formats (add_theme_support('post-formats')); `standard` is the absence of one. */
const FORMATS = new Set(["aside", "gallery", "link", "image", "quote", "status", "video", "audio", "chat"]);

export interface ExtrasContext {
  /** Paths of the files the site serves. */
  media: ReadonlySet<string>;
  /** Attachments by their file's path, for a featured image's alt text. */
  attachmentsByFile: ReadonlyMap<string, AttachmentInfo>;
}

export function extrasContext(media: readonly MediaFile[], attachments: ReadonlyMap<string, AttachmentInfo>): ExtrasContext {
  return {
    media: new Set(media.map(mediaPath)),
    attachmentsByFile: new Map([...attachments.values()].map((a) => [sitePath(a.file), a])),
  };
}

/** `image`: the post's picture as its front matter gives it (content/feature-fields.ts). */
export function postExtras(post: Post, comments: readonly PostComment[], ctx: ExtrasContext, image: FieldImage | null): PostExtras {
  const format = typeof post.fields.format === "string" ? post.fields.format.trim().toLowerCase() : "";
  const threaded = thread(comments.filter((c) => c.type !== "pingback" && c.type !== "trackback"));
  return {
    // chirpy pins a post to the top of the home page with `pin: true`, as WordPress sticks one.
    sticky: readSwitch(post.fields.sticky, "sticky").value === true || readSwitch(post.fields.pin, "pin").value === true,
    format: FORMATS.has(format) ? format : null,
    image: featuredImage(image, ctx),
    comments: threaded.roots,
    commentCount: threaded.count,
    pings: comments
      .filter((c) => c.type === "pingback" || c.type === "trackback")
      .map((c) => ({ title: decodeHTML(c.author), url: c.url, date: c.date, type: c.type })),
    titleHtml: titleHtml(post.fields.title_html),
  };
}

/** A featured image the reader can see: a file the site serves, or an image elsewhere. */
function featuredImage(image: FieldImage | null, ctx: ExtrasContext): { src: string; alt: string } | null {
  if (image === null) return null;
  const { src } = image;
  const local = src.startsWith("/");
  if (local ? !ctx.media.has(sitePath(src)) : !/^https?:\/\/\S+$/i.test(src)) return null;
  const alt = image.alt || (ctx.attachmentsByFile.get(local ? sitePath(src) : src)?.alt ?? "");
  return { src, alt };
}

function sitePath(file: string): string {
  if (!file.startsWith("/")) return file;
  try {
    return decodeURIComponent(file).normalize("NFC");
  } catch {
    return file;
  }
}

/** Replies under the comment they answer; a reply whose parent is not shown (spam, pending) stands alone. */
function thread(comments: readonly PostComment[]): { roots: CommentModel[]; count: number } {
  const sorted = [...comments].sort((a, b) => (a.date ?? "").localeCompare(b.date ?? "") || Number(a.id) - Number(b.id));
  const byId = new Map<string, CommentModel>();
  for (const c of sorted) {
    byId.set(c.id, {
      id: c.id,
      author: decodeHTML(c.author) || "Anonymous",
      url: c.url,
      date: c.date,
      html: commentHtml(c.content),
      replies: [],
    });
  }
  const roots: CommentModel[] = [];
  for (const c of sorted) {
    const model = byId.get(c.id);
    if (!model) continue;
    const parent = c.parent === null || c.parent === c.id ? undefined : byId.get(c.parent);
    if (parent && !isAncestor(model, parent)) parent.replies.push(model);
    else roots.push(model);
  }
  return { roots, count: byId.size };
}

function isAncestor(candidate: CommentModel, of: CommentModel): boolean {
  return candidate.replies.some((r) => r === of || isAncestor(r, of));
}

/** Attachments whose files the site serves, for galleries (see markdown/render-data.ts). */
export function siteImages(attachments: ReadonlyMap<string, AttachmentInfo>, ctx: ExtrasContext): Map<string, GalleryImage> {
  const images = new Map<string, GalleryImage>();
  for (const a of attachments.values()) {
    if (!a.file.startsWith("/") || !ctx.media.has(sitePath(a.file))) continue;
    images.set(a.id, { id: a.id, src: a.file, alt: a.alt, caption: a.caption, parent: a.parent, order: a.order });
  }
  return images;
}
