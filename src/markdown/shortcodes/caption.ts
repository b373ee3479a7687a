/**
 * `[caption id="attachment_9" align="aligncenter" width="300"]<a><img></a> Caption text[/caption]`, and the
 * older form with `caption="…"` as an attribute. Exports carry the image as HTML or as Markdown
 * (`[![alt](src)](href)`); either way it becomes a figure with its caption, like WordPress's own output.
 */
import { escapeHtml } from "./escape.ts";
import type { RenderContext, ShortcodeFamily } from "./family.ts";
import type { Shortcode } from "./parse.ts";

// WordPress's img_caption_shortcode() splits the content the same way: an image, optionally linked, then the caption.
const MEDIA = /^\s*((?:<a\s[^>]*>\s*)?<img\s[^>]*>(?:\s*<\/a>)?|\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)|!\[[^\]]*\]\([^)]*\))([\s\S]*)$/i;
const ALIGN = /^align(?:left|right|center|none)$/;

export const captionFamily: ShortcodeFamily = {
  names: { caption: "required", wp_caption: "required" },
  render(sc, ctx) {
    const content = sc.content ?? "";
    const m = MEDIA.exec(content);
    const media = m?.[1] ?? content;
    const text = (m?.[2] ?? "").trim() || (sc.attrs.caption ?? "").trim();
    return figure(sc, ctx, ctx.inline(media.trim()), text ? ctx.inline(text) : "");
  },
};

function figure(sc: Shortcode, ctx: RenderContext, media: string, caption: string): string {
  const align = ALIGN.test(sc.attrs.align ?? "") ? ` ${sc.attrs.align}` : "";
  const width = /^\d{1,4}$/.test(sc.attrs.width ?? "") ? ` style="width:${escapeHtml(sc.attrs.width ?? "")}px"` : "";
  if (ctx.block) {
    return `<figure class="wp-caption${align}"${width}>${media}${caption ? `<figcaption>${caption}</figcaption>` : ""}</figure>\n`;
  }
  // Inside a paragraph a figure would end it early; spans styled as a block keep the HTML valid.
  return `<span class="wp-caption${align}"${width}>${media}${caption ? `<span class="wp-caption-text">${caption}</span>` : ""}</span>`;
}
