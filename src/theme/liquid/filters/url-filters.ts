/**
 * Jekyll's URL filters (lib/jekyll/filters/url_filters.rb): `relative_url` puts the site's baseurl
 * before a path (adding the leading slash), `absolute_url` the site's url and baseurl; a URL that is
 * already absolute, or nil, is given back as it is. A post or page passed whole gives its `url`.
 */
import type { LiquidSite } from "../site.ts";

export function urlFilters(site: LiquidSite) {
  const relative = (input: unknown): unknown => {
    const path = urlOf(input);
    if (path === null || isAbsolute(path)) return path ?? input;
    return normalizeUrl(leadingSlash(site.baseurl.replace(/\/$/, "")) + leadingSlash(path));
  };
  return {
    relative_url: relative,
    absolute_url(input: unknown): unknown {
      const path = urlOf(input);
      if (path === null || isAbsolute(path)) return path ?? input;
      const rel = relative(path);
      return site.url === "" ? rel : normalizeUrl(site.url + String(rel));
    },
  };
}

function urlOf(input: unknown): string | null {
  if (input === null || input === undefined) return null;
  if (typeof input === "object" && "url" in input) return String((input as { url: unknown }).url);
  return String(input);
}

function isAbsolute(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url);
}

function leadingSlash(part: string): string {
  return part === "" || part.startsWith("/") ? part : `/${part}`;
}

/** Addressable's normalize: characters a URL cannot carry are percent-encoded, escapes already there are kept. */
export function normalizeUrl(url: string): string {
  return url.replace(/%(?![0-9a-f]{2})|[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/giu, (c) => encodeURIComponent(c));
}
