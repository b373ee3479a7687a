/** Reads a Jekyll-style `_config.yml` into site settings, reporting bad values as `file:line: reason`. */
import { DEFAULT_SITE, type SiteConfig } from "../model/site.ts";
import { isKnownTimeZone } from "./date.ts";
import { splitFrontMatter } from "./front-matter.ts";
import { OWN_PLACEHOLDERS, POST_PLACEHOLDERS } from "./jekyll/post-address.ts";
import { DEFAULT_STYLE, patternOf, unknownPlaceholder } from "./jekyll/url-template.ts";
import type { Problem } from "./problem.ts";

/** `_config.yml` as YAML data, with each key's line (nested keys dotted) and its warnings (repeated keys). */
export interface ConfigDocument {
  file: string;
  data: Record<string, unknown>;
  lines: Record<string, number>;
  warnings: Problem[];
}

export function readConfigDocument(file: string, text: string): { ok: ConfigDocument } | { problems: Problem[] } {
  // A config file is a YAML document without --- fences; reuse the front matter reader for its line numbers.
  const parsed = splitFrontMatter(file, `---\n${text.replace(/^---\s*\n/, "")}\n---\n`);
  const back = (p: Problem) => ({ ...p, line: Math.max(1, p.line - 1) });
  if (parsed === null) return { ok: { file, data: {}, lines: {}, warnings: [] } };
  if ("problems" in parsed) return { problems: parsed.problems.map(back) };
  const lines = Object.fromEntries(Object.entries(parsed.ok.lines).map(([key, line]) => [key, Math.max(1, line - 1)]));
  return { ok: { file, data: parsed.ok.data, lines, warnings: parsed.ok.warnings.map(back) } };
}

/**
 * `jekyll`: the content folder is a Jekyll site (see content/jekyll/site-kind.ts), whose posts
 * default to Jekyll's `date` style and may use only Jekyll's placeholders.
 */
export function parseSiteConfig(file: string, text: string, jekyll = false): { site: SiteConfig } | { problems: Problem[] } {
  const read = readConfigDocument(file, text);
  if ("problems" in read) return read;
  return siteFromConfig(read.ok, jekyll);
}

export function siteFromConfig(config: ConfigDocument, jekyll: boolean): { site: SiteConfig } | { problems: Problem[] } {
  const { data, lines, file } = config;
  const problems: Problem[] = [];
  const fail = (key: string, reason: string) => problems.push({ file, line: lines[key] ?? 1, reason });
  const site: SiteConfig = { ...DEFAULT_SITE, nav: [], permalink: jekyll ? DEFAULT_STYLE : DEFAULT_SITE.permalink };

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
  if (permalink !== null && permalink !== "") {
    // An unknown name would otherwise sit in every post's address as literal text.
    const unknown = unknownPlaceholder(patternOf(permalink), jekyll ? POST_PLACEHOLDERS : OWN_PLACEHOLDERS);
    if (unknown !== null) fail("permalink", `permalink "${permalink}" uses :${unknown}, which is not a permalink placeholder`);
    else site.permalink = permalink;
  }
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
