/**
 * A post's picture in its page head: Open Graph's `og:image` with its size and alt text (what link
 * previews show; the size lets them lay out the card before fetching it) and schema.org's ImageObject
 * for search results. Both want an absolute URL (Open Graph protocol, "og:image").
 */
import type { PostImage } from "../model/page-models.ts";

export interface AbsoluteImage extends PostImage {
  url: string;
}

/** The image with its address resolved against the page's own URL (a post may write `images/x.png`). */
export function imageOf(image: PostImage, pageUrl: string): AbsoluteImage | null {
  try {
    const url = new URL(image.src, pageUrl);
    return /^https?:$/.test(url.protocol) ? { ...image, url: url.href } : null;
  } catch {
    return null;
  }
}

export function imageProperties(image: AbsoluteImage): Array<[string, string]> {
  const props: Array<[string, string]> = [["og:image", image.url]];
  if (image.width !== undefined && image.height !== undefined) {
    props.push(["og:image:width", String(image.width)], ["og:image:height", String(image.height)]);
  }
  if (image.alt !== "") props.push(["og:image:alt", image.alt]);
  return props;
}

export function structuredImage(image: AbsoluteImage | null): object | undefined {
  if (image === null) return undefined;
  return { "@type": "ImageObject", url: image.url, width: image.width, height: image.height };
}
