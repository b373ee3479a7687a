/**
 * Links to the old site's uploaded files (`https://old.example/wp-content/uploads/2008/06/a.jpg`,
 * WordPress.com's `https://name.files.wordpress.com/2008/06/a.jpg`, or a relative
 * `/wp-content/uploads/…`) become the new site's own path when the file came with `--uploads`.
 */

export const UPLOADS_PATH = "/wp-content/uploads/";

/** Hosts that served the old site (`old.example`, `name.wordpress.com`), lower case as URL parsing gives them. */
export type OldHosts = ReadonlySet<string>;

export function oldHosts(urls: readonly string[]): Set<string> {
  const hosts = new Set<string>();
  for (const url of urls) {
    try {
      const host = new URL(url).host.toLowerCase();
      if (host === "") continue;
      hosts.add(host);
      // A WordPress.com blog serves its uploads from a files. host of its own name.
      const wpcom = /^([a-z0-9-]+)\.wordpress\.com$/.exec(host);
      if (wpcom) hosts.add(`${wpcom[1]}.files.wordpress.com`);
    } catch {
      // Not a URL: nothing to add.
    }
  }
  return hosts;
}

/** The path inside the uploads folder (decoded) that a link names, or null when it is not an upload of the old site. */
export function uploadPath(link: string, hosts: OldHosts): string | null {
  let url: URL;
  try {
    url = new URL(link.replace(/&amp;/g, "&"), "https://relative.invalid");
  } catch {
    return null;
  }
  const host = url.host.toLowerCase();
  const relative = host === "relative.invalid";
  if (!relative && !hosts.has(host)) return null;
  let rel: string | null = null;
  const at = url.pathname.indexOf(UPLOADS_PATH);
  if (at >= 0) rel = url.pathname.slice(at + UPLOADS_PATH.length);
  else if (host.endsWith(".files.wordpress.com")) rel = url.pathname.slice(1);
  if (rel === null || rel === "" || rel.endsWith("/")) return null;
  try {
    rel = decodeURIComponent(rel);
  } catch {
    return null;
  }
  return rel.split("/").some((s) => s === ".." || s === ".") ? null : rel;
}

/** An upload's address on the new site. */
export function sitePathOf(rel: string): string {
  return UPLOADS_PATH + rel.split("/").map(encodeURIComponent).join("/");
}

// Absolute and protocol-relative URLs, and relative ones that start at /wp-content/uploads/. `&`, quotes,
// brackets and spaces end a URL: WordPress's sanitize_file_name() keeps none of them in an upload's name.
const LINK = /(?:https?:)?\/\/[^\s"'<>()&[\]]+|(?<=["'(=\s])\/wp-content\/uploads\/[^\s"'<>()&[\]]+/g;

export interface RewrittenLinks {
  html: string;
  /** Upload paths (in the uploads folder) that were found and now point at the new site. */
  used: string[];
  /** Links to uploads of the old site whose file is not in the uploads folder. */
  missing: string[];
}

/** Rewrites links to uploads whose file `exists`; the others are left as they are and listed. */
export function rewriteUploadLinks(html: string, hosts: OldHosts, exists: (rel: string) => boolean): RewrittenLinks {
  const used = new Set<string>();
  const missing = new Set<string>();
  const out = html.replace(LINK, (link) => {
    const trimmed = link.replace(/[.,;:!?]+$/, "");
    const rel = uploadPath(trimmed, hosts);
    if (rel === null) return link;
    if (!exists(rel)) {
      missing.add(trimmed);
      return link;
    }
    used.add(rel);
    return sitePathOf(rel) + link.slice(trimmed.length);
  });
  return { html: out, used: [...used], missing: [...missing] };
}
