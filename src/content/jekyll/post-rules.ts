/**
 * How Jekyll reads one file of a Jekyll site, where that differs from our own content folders:
 * which files in `_posts/` are posts, front matter defaults beneath the file's own keys, dates as
 * YAML 1.1 types them, categories from the folders above `_posts/`, and the slug its URL uses.
 */
import { parseDate } from "../date.ts";
import type { FrontMatter } from "../front-matter.ts";
import type { Collection } from "./collections.ts";
import { type DefaultSet, defaultsFor } from "./defaults.ts";

export interface JekyllRules {
  /** `defaults:` from `_config.yml`. */
  defaults: readonly DefaultSet[];
  /** The config file's name, for messages about values that came from a default. */
  configFile: string;
  /**
   * A document of a collection (`collection` set) or a post under `collections_dir`: its path inside
   * the collections folder, which Jekyll matches defaults against and builds its URL from.
   */
  document?: { relative: string; collection: Collection | null };
}

/** Where a value came from, for a message about it. */
export interface Origin {
  file: string;
  line: number;
}

/** The folder is a Jekyll site when it has a `_posts/` folder (at its top or under a category folder). */
export function isJekyllSite(files: ReadonlyArray<{ inPosts: boolean; draft?: object }>): boolean {
  return files.some((f) => f.inPosts && f.draft === undefined);
}

/** Jekyll reads a file in `_posts/` only if its name is a date, a title and an extension (Document::DATE_FILENAME_MATCHER). */
const DATED = /^(\d{2,4}-\d{1,2}-\d{1,2})-(.*)(\.[^.]+)$/;

export function datedPostName(path: string): { date: string; slug: string } | null {
  const m = DATED.exec(path.split("/").pop() ?? path);
  return m ? { date: m[1] ?? "", slug: (m[2] ?? "").replace(/\.+$/, "") } : null;
}

/**
 * The file's front matter over the defaults that apply to it. `origin` says where each key's value
 * came from: the file's own line, or the line of the default in `_config.yml`.
 */
export function withDefaults(
  front: FrontMatter,
  path: string,
  isPost: boolean,
  rules: JekyllRules,
): { data: Record<string, unknown>; origin: (key: string) => Origin; fromFile: (key: string) => boolean } {
  const collection = rules.document?.collection ?? null;
  const type = collection?.label ?? (isPost ? "posts" : "pages");
  const defaults = defaultsFor(rules.defaults, rules.document?.relative ?? path, type);
  const data: Record<string, unknown> = {};
  for (const [key, { value }] of defaults) {
    // Jekyll asks a page's data for `published` without its defaults (Hash#fetch skips the
    // default_proc), so `published: false` in defaults hides posts and documents only.
    if (!isPost && collection === null && key === "published") continue;
    data[key] = value;
  }
  const fromFile = (key: string) => key in front.data;
  // Categories from defaults and from the file add up (Document#merge_categories!); every other key is replaced.
  if (Array.isArray(data.categories) && front.data.categories !== undefined && front.data.categories !== null) {
    const own = typeof front.data.categories === "string" ? front.data.categories.split(/\s+/) : [front.data.categories].flat();
    Object.assign(data, front.data, { categories: [...new Set([...data.categories, ...own])] });
  } else {
    Object.assign(data, front.data);
  }
  const origin = (key: string): Origin => {
    if (fromFile(key) || !defaults.has(key)) return { file: path, line: front.lines[key] ?? 1 };
    return { file: rules.configFile, line: defaults.get(key)?.line ?? 1 };
  };
  return { data, origin, fromFile };
}

/** YAML 1.1's timestamp (Psych's TIME): a plain scalar of this form is a time, and without a zone it is UTC. */
const YAML_TIMESTAMP = /^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$/;

/**
 * A front matter date as Jekyll reads it. Written plainly with seconds (`2019-08-12 23:30:00`), YAML
 * 1.1 makes it a timestamp, in UTC when it names no zone; quoted, or without seconds, or a bare date,
 * it is text that Jekyll parses in the site's time zone. Returns epoch ms or null.
 */
export function jekyllDate(text: string, plain: boolean, timeZone: string): number | null {
  // Ruby's Time.parse also reads `2019/08/12`.
  const trimmed = text.trim().replace(/^(\d{4})\/(\d{1,2})\/(\d{1,2})/, "$1-$2-$3");
  return parseDate(trimmed, plain && YAML_TIMESTAMP.test(trimmed) ? "UTC" : timeZone);
}

/**
 * A post's categories as Jekyll collects them: the folders above `_posts/` (`dev/_posts/x.md` is in
 * `dev`), then `categories` (a list, or a string of space-separated names), then `category`, each once.
 */
export function jekyllCategories(path: string, data: Record<string, unknown>): string[] {
  const cut = path.indexOf("_posts");
  const folders =
    cut <= 0
      ? []
      : path
          .slice(0, cut)
          .split("/")
          .filter((s) => s !== "");
  const fromList = (value: unknown): unknown[] =>
    typeof value === "string"
      ? value.split(/\s+/)
      : Array.isArray(value)
        ? value.flat()
        : value === undefined || value === null
          ? []
          : [value];
  const named = [...fromList(data.categories), ...("category" in data ? fromList(data.category === null ? [] : [data.category]) : [])];
  return [
    ...new Set(
      [...folders, ...named.filter((c) => c !== null && c !== undefined && typeof c !== "object").map(String)].filter((c) => c !== ""),
    ),
  ];
}

/** The slug a post's URL uses: `slug:` when given, else the file name's, without trailing dots. */
export function jekyllSlug(data: Record<string, unknown>, fileSlug: string): string {
  const own = data.slug;
  if (typeof own === "string" || typeof own === "number") return String(own);
  return fileSlug;
}
