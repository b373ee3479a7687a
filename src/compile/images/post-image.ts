/**
 * The picture that stands for a post in link previews (Open Graph) and search results (JSON-LD):
 * the front matter's `image:` (the featured image of a WordPress export, or jekyll-seo-tag's key,
 * a path or `{ path: … }`) or `header:` picture, else the first picture in the post. Smileys and inline data are not pictures of it.
 */
import type { PostImage } from "../../model/page-models.ts";
import type { ImageSizes } from "./image-sizes.ts";
import { attribute, imgTags } from "./img-tags.ts";

const NOT_A_PICTURE = /\b(?:wp-smiley|emoji)\b/;

/** `declared`: the front matter's picture, already read (content/feature-fields.ts). */
export function postImage(
  declared: { src: string; alt: string } | null,
  html: string,
  pagePath: string,
  sizes: ImageSizes,
): PostImage | null {
  if (declared !== null) return withSize({ src: declared.src, alt: declared.alt }, pagePath, sizes);
  for (const tag of imgTags(html)) {
    const src = attribute(tag, "src")?.trim();
    if (!src || /^data:/i.test(src) || NOT_A_PICTURE.test(attribute(tag, "class") ?? "")) continue;
    return withSize({ src, alt: attribute(tag, "alt")?.trim() ?? "" }, pagePath, sizes);
  }
  return null;
}

function withSize(image: PostImage, pagePath: string, sizes: ImageSizes): PostImage {
  const size = sizes(image.src, pagePath);
  return size === null ? image : { ...image, width: size.width, height: size.height };
}
