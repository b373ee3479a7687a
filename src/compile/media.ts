/**
 * Images and other files that sit beside posts and are served as they are: published as the Worker's
 * static assets (see cli/media-assets.ts), never through KV. Every file without front matter is one
 * (CSS, scripts, fonts too); these are the binary ones, never read for front matter.
 */

/** The media types of binary media and a few text types, by extension (wrangler gives every asset its own by extension). */
export const MEDIA_TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  svg: "image/svg+xml",
  ico: "image/x-icon",
  pdf: "application/pdf",
  mp3: "audio/mpeg",
  mp4: "video/mp4",
  webm: "video/webm",
  txt: "text/plain; charset=utf-8",
  // A Jekyll site's HTML files without front matter, which Jekyll copied as they are.
  html: "text/html; charset=utf-8",
  htm: "text/html; charset=utf-8",
  zip: "application/zip",
};

export function extensionOf(path: string): string {
  return (/\.([a-z0-9]+)$/i.exec(path)?.[1] ?? "").toLowerCase();
}

export function isMediaPath(path: string): boolean {
  return extensionOf(path) in MEDIA_TYPES;
}
