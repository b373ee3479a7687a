/**
 * Permalinks: the one canonical form (decoded, NFC, leading slash, trailing slash unless the last
 * segment names a file) that the publisher stores and the Worker looks requests up in.
 */

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
 * Fills a Jekyll/WordPress style pattern (`/:year/:month/:slug/`) for a post that has no permalink
 * of its own. Supported placeholders: :year :month :i_month :day :i_day :hour :minute :second
 * :slug :title :categories :category.
 */
export function derivePermalink(pattern: string, parts: PermalinkParts): PermalinkResult {
  const d = parts.date;
  const pad = (n: number) => String(n).padStart(2, "0");
  const values: Record<string, string> = {
    year: String(d.getUTCFullYear()),
    month: pad(d.getUTCMonth() + 1),
    i_month: String(d.getUTCMonth() + 1),
    day: pad(d.getUTCDate()),
    i_day: String(d.getUTCDate()),
    hour: pad(d.getUTCHours()),
    minute: pad(d.getUTCMinutes()),
    second: pad(d.getUTCSeconds()),
    slug: parts.slug,
    title: parts.slug,
    categories: parts.categories.map(slugify).join("/"),
    category: slugify(parts.categories[0] ?? ""),
  };
  const filled = pattern.replace(/:([a-z_]+)/g, (whole, name: string) => values[name] ?? whole);
  return normalizePermalink(filled);
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
