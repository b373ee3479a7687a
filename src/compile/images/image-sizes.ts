/**
 * The width and height of the images a site serves itself, read from their bytes (image-size reads
 * the header of PNG, JPEG, GIF, WebP, AVIF, SVG and more) the first time a post shows each one.
 */
import { imageSize } from "image-size";
import type { MediaFile } from "../../content/content-files.ts";
import { mediaPath } from "../conflicts.ts";

export interface Size {
  width: number;
  height: number;
}

/** The size of the site's own image at `src` as written in a post at `pagePath`, or null (elsewhere, unknown, unreadable). */
export type ImageSizes = (src: string, pagePath: string) => Size | null;

/** `siteUrl`: the configured origin; images addressed absolutely at it are the site's own too. */
export function imageSizes(media: readonly MediaFile[], siteUrl: string | null): ImageSizes {
  const files = new Map(media.map((file) => [mediaPath(file), file]));
  const sizes = new Map<string, Size | null>();
  const own = siteUrl === null ? null : originOf(siteUrl);
  return (src, pagePath) => {
    const path = localPath(src, pagePath, own);
    if (path === null) return null;
    let size = sizes.get(path);
    if (size === undefined) {
      const file = files.get(path);
      size = file ? imageSizeOf(file.bytes) : null;
      sizes.set(path, size);
    }
    return size;
  };
}

/** The decoded, NFC path of a src on this site (as media paths are kept), or null for another site's. */
export function localPath(src: string, pagePath: string, siteOrigin: string | null): string | null {
  const trimmed = src.trim();
  if (trimmed === "" || /^(?:data|blob|javascript):/i.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed, `http://site.invalid${pagePath}`);
  } catch {
    return null;
  }
  const ours = url.origin === "http://site.invalid" || (siteOrigin !== null && sameSite(url, siteOrigin));
  if (!ours) return null;
  try {
    return decodeURIComponent(url.pathname).normalize("NFC");
  } catch {
    return null;
  }
}

/** http and https, with or without `www.`, are the same site: WordPress exports mix them. */
function sameSite(url: URL, origin: string): boolean {
  const bare = (host: string) => host.replace(/^www\./, "");
  const site = new URL(origin);
  return /^https?:$/.test(url.protocol) && bare(url.host) === bare(site.host);
}

function originOf(siteUrl: string): string | null {
  try {
    return new URL(siteUrl).origin;
  } catch {
    return null;
  }
}

/** A file's size as a picture, or null when it is none: all a post's rendering reads of a media file's bytes. */
export function imageSizeOf(bytes: Uint8Array): Size | null {
  try {
    const { width, height, orientation } = imageSize(bytes);
    if (!width || !height) return null;
    // EXIF orientations 5–8 turn the picture a quarter: browsers show it turned (CSS image-orientation: from-image).
    return orientation !== undefined && orientation >= 5 ? { width: height, height: width } : { width, height };
  } catch {
    return null;
  }
}
