/**
 * Permalinks: the one canonical form (decoded, NFC, leading slash, trailing slash unless the last
 * segment names a file) that the publisher stores and the Worker looks requests up in.
 */

import { dateParts } from "./jekyll/date-parts.ts";
import { fillTemplate, patternOf } from "./jekyll/url-template.ts";

export type PermalinkResult = { ok: string } | { error: string };

/** Normalises an author-written permalink, which may be percent-encoded (WordPress exports often are). */
export function normalizePermalink(raw: string): PermalinkResult {
  let path = raw.trim();
  if (path === "") return { error: "permalink is empty" };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    // Some exports write the full URL; only its path is ours.
    try {
      path = new URL(path).pathname;
    } catch {
      return { error: `permalink "${raw}" is not a valid URL` };
    }
  }
  try {
    path = decodeURIComponent(path);
  } catch {
    return { error: `permalink "${raw}" has broken percent-encoding` };
  }
  if (/[\u0000-\u001f\u007f?#\\]/.test(path)) {
    return { error: `permalink "${raw}" contains a character not allowed in a path (control, ?, # or \\)` };
  }
  path = `/${path}`.replace(/\/{2,}/g, "/").normalize("NFC");
  const segments = path.split("/");
  if (segments.some((s) => s === "." || s === "..")) {
    return { error: `permalink "${raw}" contains . or .. segments` };
  }
  const last = segments[segments.length - 1] ?? "";
  if (last !== "" && !/\.[a-z0-9]{1,5}$/i.test(last)) path += "/";
  return { ok: path };
}

export interface PermalinkParts {
  date: Date;
  slug: string;
  categories: readonly string[];
}

/**
 * Fills the site's pattern (`/:year/:month/:slug/`, or one of Jekyll's style names) for a post in our
 * own content layout that has no permalink of its own. Jekyll's placeholders, plus `:category` (the
 * first category); dates as the site's clock (`timeZone`) shows them. Jekyll sites get Jekyll's own
 * rules instead (content/jekyll/post-address.ts).
 */
export function derivePermalink(setting: string, parts: PermalinkParts, timeZone = "UTC"): PermalinkResult {
  const categories = parts.categories.map(slugify).join("/");
  const values: Record<string, string> = {
    ...dateParts(parts.date.getTime(), timeZone),
    slug: parts.slug,
    title: parts.slug,
    name: parts.slug,
    path: parts.slug,
    categories,
    slugified_categories: categories,
    category: slugify(parts.categories[0] ?? ""),
    output_ext: ".html",
    collection: "posts",
  };
  const filled = fillTemplate(patternOf(setting), values, "error");
  if ("unknown" in filled) return { error: `the permalink pattern uses :${filled.unknown}, which is not a placeholder` };
  return normalizePermalink(filled.ok);
}

/** A URL slug from any text: lower case, letters and digits of any script kept, the rest dashes. */
export function slugify(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/&[a-z0-9#]+;/gi, " ")
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}
