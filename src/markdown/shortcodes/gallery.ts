/**
 * `[gallery]`: WordPress's gallery of attachments, by id (`ids="1,2,3"`, `include`, `exclude`) or, with
 * no ids, the images attached to the post, ordered as WordPress orders them (menu order, then id).
 * The attachments come from the site's `_data/attachments.yml` (a WordPress import writes it); the
 * images whose files the site serves become a gallery in WordPress's HTML5 markup. When none of them
 * is there, a note says a gallery was there, rather than the shortcode vanishing or showing as text.
 */
import { decodeHTML } from "entities";
import type { GalleryImage, RenderData } from "../render-data.ts";
import { escapeHtml } from "./escape.ts";
import type { ShortcodeFamily } from "./family.ts";
import type { Shortcode } from "./parse.ts";

export const galleryFamily: ShortcodeFamily = {
  names: { gallery: "never" },
  render(sc, ctx) {
    const images = galleryImages(sc, ctx.data);
    if (images.length > 0) return galleryHtml(sc, images, ctx.data) + (ctx.block ? "\n" : "");
    const count = idList(sc.attrs.ids ?? sc.attrs.include).length;
    const what = count > 0 ? `A gallery of ${count} image${count === 1 ? "" : "s"}` : "An image gallery";
    const note = `${what} from the original post is not available here.`;
    return ctx.block ? `<p class="wp-gallery-missing">${note}</p>\n` : `<span class="wp-gallery-missing">${note}</span>`;
  },
};

function idList(text: string | undefined): string[] {
  return (text ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter((id) => /^\d+$/.test(id));
}

/** The images WordPress's gallery_shortcode() would show, those the site has. */
export function galleryImages(sc: Shortcode, data: RenderData): GalleryImage[] {
  const named = idList(sc.attrs.ids ?? sc.attrs.include);
  const excluded = new Set(idList(sc.attrs.exclude));
  let images: GalleryImage[];
  if (named.length > 0) {
    // Named ids keep the order they are written in (orderby post__in).
    images = named.map((id) => data.images.get(id)).filter((i): i is GalleryImage => i !== undefined);
  } else {
    const parent = /^\d+$/.test(sc.attrs.id ?? "") ? (sc.attrs.id ?? null) : data.postId;
    if (parent === null) return [];
    images = [...data.images.values()]
      .filter((i) => i.parent === parent && !excluded.has(i.id))
      .sort((a, b) => a.order - b.order || Number(a.id) - Number(b.id));
  }
  return (sc.attrs.order ?? "").toUpperCase() === "DESC" && named.length === 0 ? images.reverse() : images;
}

function galleryHtml(sc: Shortcode, images: readonly GalleryImage[], data: RenderData): string {
  const columns = Math.min(9, Math.max(1, Number.parseInt(sc.attrs.columns ?? "3", 10) || 3));
  const size = /^[\w-]{1,40}$/.test(sc.attrs.size ?? "") ? (sc.attrs.size ?? "thumbnail") : "thumbnail";
  const link = sc.attrs.link ?? "";
  const owner = data.postId !== null ? ` galleryid-${escapeHtml(data.postId)}` : "";
  const items = images.map((image) => {
    const img = `<img src="${escapeHtml(image.src)}" alt="${escapeHtml(image.alt)}" loading="lazy">`;
    // Without attachment pages here, a gallery that linked to them links to the file itself.
    const linked = link === "none" ? img : `<a href="${escapeHtml(image.src)}">${img}</a>`;
    // Captions may carry entities and markup; the text is shown.
    const text = decodeHTML(image.caption.replace(/<[^>]*>/g, "")).trim();
    const caption = text === "" ? "" : `<figcaption class="wp-caption-text gallery-caption">${escapeHtml(text)}</figcaption>`;
    return `<figure class="gallery-item"><div class="gallery-icon">${linked}</div>${caption}</figure>`;
  });
  return `<div class="gallery${owner} gallery-columns-${columns} gallery-size-${size}">${items.join("")}</div>`;
}
