/**
 * Paths as the site writes and reads them. Permalinks are stored decoded and NFC-normalised (see
 * content/permalink.ts); these turn them into hrefs and absolute URLs, and a request's path into the
 * same form for looking it up.
 */

/** Percent-encodes a canonical path for use in an href or a feed, segment by segment. */
export function encodePath(path: string): string {
  return path
    .split("/")
    .map((s) => encodeURIComponent(s))
    .join("/");
}

export { encodePath as href };

/** Absolute URL of a canonical path on this site. */
export function absoluteUrl(origin: string, path: string): string {
  return origin.replace(/\/+$/, "") + encodePath(path);
}

/** The form the Worker compares against: what a browser sent, decoded and normalised as permalinks are. */
export function requestPathKey(pathname: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  return path.replace(/\/{2,}/g, "/").normalize("NFC");
}

/** Page N of a paged list whose first page is `base` (WordPress's `<base>page/N/`). */
export function listPagePath(base: string, page: number): string {
  return page <= 1 ? base : `${base}page/${page}/`;
}
