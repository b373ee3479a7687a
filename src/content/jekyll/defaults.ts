/**
 * Front matter defaults: `defaults:` in `_config.yml`, a list of `{ scope: { path, type }, values }`
 * sets. Every set whose scope matches a file applies beneath the file's own front matter; where
 * two sets give the same key, the one with the longer path wins, and at equal paths the one naming
 * a type (Jekyll's FrontmatterDefaults#all and #has_precedence?).
 */
import type { Problem } from "../problem.ts";

/** `posts`, `pages`, `drafts`, or a collection's label. */
export type DocumentType = string;

export interface DefaultSet {
  path: string;
  type: string | null;
  values: Record<string, unknown>;
  /** The `_config.yml` line of each key in `values`, for messages about a value that came from here. */
  lines: Record<string, number>;
}

/** Reads the `defaults:` list; `lines` are the config's key lines (nested keys dotted: `defaults.0.values.layout`). */
export function readDefaults(
  value: unknown,
  file: string,
  lines: Readonly<Record<string, number>>,
): { sets: DefaultSet[]; problems: Problem[] } {
  const sets: DefaultSet[] = [];
  const problems: Problem[] = [];
  if (value === undefined || value === null) return { sets, problems };
  if (!Array.isArray(value)) {
    problems.push({ file, line: lines.defaults ?? 1, reason: "defaults must be a list of { scope, values } sets" });
    return { sets, problems };
  }
  value.forEach((set: unknown, i) => {
    const at = `defaults.${i}`;
    // Jekyll warns and ignores a set without a `values` map; so do we, except we say where.
    if (!isRecord(set) || !isRecord(set.values)) {
      problems.push({ file, line: lines[at] ?? lines.defaults ?? 1, reason: "each defaults entry needs a values: map" });
      return;
    }
    const scope = isRecord(set.scope) ? set.scope : {};
    const valueLines: Record<string, number> = {};
    for (const key of Object.keys(set.values)) valueLines[key] = lines[`${at}.values.${key}`] ?? lines.defaults ?? 1;
    sets.push({
      path: typeof scope.path === "string" ? scope.path : "",
      type: typeof scope.type === "string" ? legacyType(scope.type) : null,
      values: set.values,
      lines: valueLines,
    });
  });
  return { sets, problems };
}

/**
 * The defaults for a file, key by key with the config line each value came from. Sets are taken in
 * order; each one either overrides what came before (it outranks the last set that did) or only
 * fills keys still missing, exactly as Jekyll merges them.
 */
export function defaultsFor(sets: readonly DefaultSet[], path: string, type: DocumentType): Map<string, { value: unknown; line: number }> {
  let merged = new Map<string, { value: unknown; line: number }>();
  let last: DefaultSet | null = null;
  for (const set of sets) {
    if (!applies(set, path, type)) continue;
    const own = new Map(Object.entries(set.values).map(([key, value]) => [key, { value, line: set.lines[key] ?? 1 }]));
    if (last === null || outranks(set, last)) {
      merged = new Map([...merged, ...own]);
      last = set;
    } else {
      merged = new Map([...own, ...merged]);
    }
  }
  return merged;
}

function applies(set: DefaultSet, path: string, type: DocumentType): boolean {
  if (set.type !== null && set.type !== type) return false;
  const scope = scopePath(set.path);
  if (scope === "") return true;
  return scope.includes("*") ? globMatches(scope, path) : path.startsWith(scope);
}

/** A set outranks the last one that applied unless its path is shorter, or as long without a type where that one has one. */
function outranks(set: DefaultSet, last: DefaultSet): boolean {
  const length = scopePath(set.path).length;
  const lastLength = scopePath(last.path).length;
  if (length !== lastLength) return length > lastLength;
  return set.type !== null || last.type === null;
}

/** Scope paths are relative to the site; a leading `/` and a trailing one are dropped (FrontmatterDefaults#sanitize_path). */
function scopePath(path: string): string {
  return path.replace(/^\/+/, "").replace(/\/+$/, "");
}

/** A scope with `*` matches the files and folders the glob names, and everything under them. */
function globMatches(glob: string, path: string): boolean {
  const pattern = glob
    .split(/(\*\*\/?|\*)/)
    .map((part) => (part.startsWith("**") ? "(?:.*/)?" : part === "*" ? "[^/]*" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${pattern}(?:/|$)`).test(path);
}

/** Jekyll 2's singular type names, which Jekyll still accepts with a deprecation warning. */
function legacyType(type: string): string {
  return type === "post" ? "posts" : type === "page" ? "pages" : type === "draft" ? "drafts" : type;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
