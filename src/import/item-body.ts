/**
 * An item's content as WordPress showed it, written so Markdown leaves it alone: block-editor content
 * keeps its HTML without the block comments, classic content gets WordPress's paragraphs (wpautop),
 * links to uploads that came along point at the new site, and the result is made safe for CommonMark.
 */
import { hasBlocks, stripBlockComments } from "./blocks.ts";
import { markdownSafeHtml } from "./markdown-safe.ts";
import { type OldHosts, rewriteUploadLinks } from "./upload-links.ts";
import { shortcodeUnautop, wpautop } from "./wpautop.ts";

/** WordPress's own shortcodes and the ones this engine renders: a paragraph never wraps them when they stand alone. */
const SHORTCODES = ["caption", "wp_caption", "gallery", "playlist", "audio", "video", "embed", "youtube", "vimeo", "code", "sourcecode"];

export interface Body {
  markdown: string;
  /** Uploads-folder paths the body now links to on the new site. */
  used: string[];
  /** Links to uploads of the old site whose files were not found. */
  missing: string[];
  /** Server-drawn blocks with no HTML of their own (shown by WordPress's PHP, not kept in the export). */
  dynamic: string[];
  editor: "block" | "classic";
}

export function itemBody(content: string, hosts: OldHosts, uploadExists: (rel: string) => boolean): Body {
  let html: string;
  let dynamic: string[] = [];
  const editor = hasBlocks(content) ? "block" : "classic";
  if (editor === "block") {
    const stripped = stripBlockComments(content);
    html = stripped.html;
    dynamic = stripped.dynamic;
  } else {
    html = shortcodeUnautop(wpautop(content), SHORTCODES);
  }
  // `<!--more-->` alone in a paragraph: the marker, not an empty paragraph around it.
  html = html.replace(/<p>\s*(<!--\s*more\b[^>]*?-->)\s*<\/p>/gi, "$1");
  const links = rewriteUploadLinks(html, hosts, uploadExists);
  return { markdown: markdownSafeHtml(links.html), used: links.used, missing: links.missing, dynamic, editor };
}
