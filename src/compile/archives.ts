/**
 * Archives, as WordPress addresses them: `/category/<slug>/`, `/tag/<slug>/`, `/author/<slug>/`,
 * `/YYYY/`, `/YYYY/MM/`, `/YYYY/MM/DD/`. Slugs are WordPress-style (letters of any script kept);
 * two names with one slug share the archive. Dates are read in the site's time zone.
 */
import type { TermName } from "../content/jekyll/templates.ts";
import type { Link } from "../model/page-models.ts";
import type { SiteConfig } from "../model/site.ts";
import { type TermIndex, termIndex } from "./term-index.ts";
import type { Prepared } from "./types.ts";

export type ArchiveKind = "category" | "tag" | "author" | "year" | "month" | "day";

export interface Archive {
  kind: ArchiveKind;
  /** First page's path. */
  base: string;
  heading: string;
  /** A category's description, from `_data/categories.yml`. */
  description: string;
  /** Newest first, as given. */
  posts: Prepared[];
}

/** Slugs made from names, for sites without `_data/` term files. */
export const PLAIN_TERMS: TermIndex = termIndex({ navigation: null, categories: [], tags: [], authors: [], attachments: new Map() });

/** Path of a category, tag or author archive, or null when the name has nothing to make a slug of. */
export function termPath(kind: "category" | "tag" | "author", name: string, terms: TermIndex = PLAIN_TERMS): string | null {
  return terms.path(kind, name);
}

export function termLinks(kind: "category" | "tag", names: readonly string[], terms: TermIndex = PLAIN_TERMS): Link[] {
  const links: Link[] = [];
  for (const title of names) {
    const path = termPath(kind, title, terms);
    if (path !== null) links.push({ title, path });
  }
  return links;
}

const HEADING: Record<"category" | "tag" | "author", string> = { category: "Category", tag: "Tag", author: "Posts by" };

/**
 * Every archive of the given posts (newest first), in a stable order. A category's archive also lists
 * the posts of its subcategories, as WordPress's does. A term in `declared` has its archive even
 * with no posts: the old site had a page for it.
 */
export function archivesOf(
  posts: readonly Prepared[],
  site: SiteConfig,
  terms: TermIndex = PLAIN_TERMS,
  declared: readonly TermName[] = [],
): Archive[] {
  const byBase = new Map<string, Archive>();
  const add = (kind: ArchiveKind, base: string, heading: string, p: Prepared | null, description = "") => {
    let archive = byBase.get(base);
    if (!archive) {
      archive = { kind, base, heading, description, posts: [] };
      byBase.set(base, archive);
    }
    if (p !== null && archive.posts.at(-1) !== p) archive.posts.push(p);
  };
  const termArchive = (kind: "category" | "tag" | "author", name: string, p: Prepared | null) => {
    const base = termPath(kind, name, terms);
    const heading = kind === "author" ? `${HEADING[kind]} ${name}` : `${HEADING[kind]}: ${name}`;
    if (base !== null) add(kind, base, heading, p, terms.description(kind, name));
  };
  const dates = dateParts(site);
  for (const p of posts) {
    const categories = new Set(p.post.categories.flatMap((c) => [c, ...terms.ancestors(c)]));
    const named: Array<["category" | "tag" | "author", string]> = [
      ...[...categories].map((c) => ["category", c] as ["category", string]),
      ...p.post.tags.map((t) => ["tag", t] as ["tag", string]),
    ];
    if (p.post.author !== "") named.push(["author", p.post.author]);
    for (const [kind, name] of named) termArchive(kind, name, p);
    const d = dates(p.post.date);
    add("year", `/${d.year}/`, d.year, p);
    add("month", `/${d.year}/${d.month}/`, d.monthName, p);
    add("day", `/${d.year}/${d.month}/${d.day}/`, d.dayName, p);
  }
  for (const { kind, name } of declared) termArchive(kind, name, null);
  return [...byBase.values()];
}

interface DateParts {
  year: string;
  month: string;
  day: string;
  monthName: string;
  dayName: string;
}

function dateParts(site: SiteConfig): (iso: string) => DateParts {
  const zone = validZone(site.timezone);
  const numeric = new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" });
  const lang = validLang(site.lang);
  const month = new Intl.DateTimeFormat(lang, { timeZone: zone, year: "numeric", month: "long" });
  const day = new Intl.DateTimeFormat(lang, { timeZone: zone, dateStyle: "long" });
  return (iso) => {
    const date = new Date(iso);
    const parts = Object.fromEntries(numeric.formatToParts(date).map((p) => [p.type, p.value]));
    return {
      year: String(parts.year).padStart(4, "0"),
      month: String(parts.month),
      day: String(parts.day),
      monthName: month.format(date),
      dayName: day.format(date),
    };
  };
}

function validZone(zone: string): string {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return "UTC";
  }
}

function validLang(lang: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([lang]).length > 0 ? lang : "en";
  } catch {
    return "en";
  }
}
