/** Reads a Jekyll-style `_config.yml` into site settings, reporting bad values as `file:line: reason`. */
import { DEFAULT_SITE, type SiteConfig } from "../model/site.ts";
import { isKnownTimeZone } from "./date.ts";
import { splitFrontMatter } from "./front-matter.ts";
import type { Problem } from "./problem.ts";

/** Jekyll's named permalink styles, for posts. */
const PERMALINK_STYLES: Record<string, string> = {
  date: "/:categories/:year/:month/:day/:title/",
  pretty: "/:categories/:year/:month/:day/:title/",
  ordinal: "/:categories/:year/:y_day/:title/",
  none: "/:categories/:title/",
};

export function parseSiteConfig(file: string, text: string): { site: SiteConfig } | { problems: Problem[] } {
  // A config file is a YAML document without --- fences; reuse the front matter reader for its line numbers.
  const parsed = splitFrontMatter(file, `---\n${text.replace(/^---\s*\n/, "")}\n---\n`);
  if (parsed === null) return { site: DEFAULT_SITE };
  if ("problems" in parsed) return { problems: parsed.problems.map((p) => ({ ...p, line: Math.max(1, p.line - 1) })) };
  const { data, lines } = parsed.ok;
  const problems: Problem[] = [];
  const fail = (key: string, reason: string) => problems.push({ file, line: Math.max(1, (lines[key] ?? 2) - 1), reason });
  const site: SiteConfig = { ...DEFAULT_SITE, nav: [] };

  const text_ = (key: string): string | null => {
    const v = data[key];
    if (v === undefined || v === null) return null;
    if (typeof v === "string" || typeof v === "number") return String(v).trim();
    fail(key, `${key} must be text`);
    return null;
  };
  site.title = text_("title") ?? site.title;
  site.description = text_("description") ?? text_("tagline") ?? site.description;
  site.lang = text_("lang") ?? text_("language") ?? site.lang;
  const author = data.author;
  if (typeof author === "string") site.author = author;
  else if (author && typeof author === "object" && "name" in author && typeof author.name === "string") site.author = author.name;

  const url = text_("url");
  if (url !== null && url !== "") {
    try {
      const parsedUrl = new URL(url);
      if (parsedUrl.protocol !== "https:" && parsedUrl.protocol !== "http:") throw new Error("not http");
      site.url = parsedUrl.origin;
    } catch {
      fail("url", `url "${url}" is not an http(s) address such as https://blog.example`);
    }
  }
  const timezone = text_("timezone");
  if (timezone !== null) {
    if (isKnownTimeZone(timezone)) site.timezone = timezone;
    else fail("timezone", `unknown time zone "${timezone}" (use an IANA name such as Europe/Lisbon)`);
  }
  const permalink = text_("permalink");
  if (permalink !== null) site.permalink = PERMALINK_STYLES[permalink] ?? permalink;
  for (const [key, field] of [
    ["paginate", "postsPerPage"],
    ["feed_size", "feedSize"],
  ] as const) {
    const v = data[key];
    if (v === undefined || v === null) continue;
    if (typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 100) site[field] = v;
    else fail(key, `${key} must be a whole number from 1 to 100`);
  }
  return problems.length > 0 ? { problems } : { site };
}
