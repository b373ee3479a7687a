/**
 * Width and height on the site's own `<img>` tags, so the browser keeps their space from the start
 * and the page does not jump as they arrive (Lighthouse's Cumulative Layout Shift). The built-in theme's
 * `max-width:100%; height:auto` keeps the aspect ratio when an image is scaled down. Images on other
 * hosts, and tags that already give both sizes, are left as written.
 */
import type { ImageSizes } from "./image-sizes.ts";
import { attribute, IMG_TAG } from "./img-tags.ts";

export function sizeImages(html: string, pagePath: string, sizes: ImageSizes): string {
  return html.replace(IMG_TAG, (tag) => {
    if (!/^<img\b/i.test(tag)) return tag;
    const src = attribute(tag, "src");
    const width = attribute(tag, "width");
    const height = attribute(tag, "height");
    if (src === undefined || (width !== undefined && height !== undefined)) return tag;
    const size = sizes(src, pagePath);
    if (size === null) return tag;
    let add: string;
    if (width === undefined && height === undefined) add = ` width="${size.width}" height="${size.height}"`;
    else if (width !== undefined && /^\d+$/.test(width.trim())) add = ` height="${Math.round((Number(width) * size.height) / size.width)}"`;
    else if (height !== undefined && /^\d+$/.test(height.trim()))
      add = ` width="${Math.round((Number(height) * size.width) / size.height)}"`;
    else return tag;
    return tag.replace(/^<img\b/i, `<img${add}`);
  });
}
