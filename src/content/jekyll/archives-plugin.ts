/**
 * jekyll-archives' settings: which archive pages the plugin made (`enabled:`) and where
 * (`permalinks:`), so that the addresses of its category and tag pages lead to the engine's archives.
 */

export type PluginArchiveKind = "year" | "month" | "day" | "category" | "tag";

export interface PluginArchive {
  kind: PluginArchiveKind;
  /** jekyll-archives' pattern, with `:name`, `:year`, `:month`, `:day`. */
  pattern: string;
}

/** The plugin's own defaults (jekyll-archives' DEFAULTS). */
const DEFAULT_PERMALINKS: Record<PluginArchiveKind, string> = {
  year: "/:year/",
  month: "/:year/:month/",
  day: "/:year/:month/:day/",
  tag: "/tag/:name/",
  category: "/category/:name/",
};

/** `enabled:` names kinds in the plural for terms (`categories`, `tags`), `permalinks:` in the singular. */
const ENABLED_NAMES: Record<string, PluginArchiveKind> = {
  year: "year",
  month: "month",
  day: "day",
  categories: "category",
  tags: "tag",
};

/** The archives a `jekyll-archives:` setting made; none when it names none (the plugin's default). */
export function readArchivesPlugin(value: unknown): PluginArchive[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [];
  const settings = value as Record<string, unknown>;
  const enabled = settings.enabled;
  const names = enabled === "all" || enabled === true ? Object.keys(ENABLED_NAMES) : Array.isArray(enabled) ? enabled : [];
  const permalinks = (settings.permalinks ?? {}) as Record<string, unknown>;
  const kinds = new Set(names.flatMap((name) => (typeof name === "string" && name in ENABLED_NAMES ? [ENABLED_NAMES[name]] : [])));
  return [...kinds].flatMap((kind) => {
    if (kind === undefined) return [];
    const own = typeof permalinks === "object" && permalinks !== null ? permalinks[kind] : undefined;
    return [{ kind, pattern: typeof own === "string" ? own : DEFAULT_PERMALINKS[kind] }];
  });
}

/** The address jekyll-archives gave a category's or tag's page: `:name` is Jekyll's slug of the name (Utils.slugify, default mode). */
export function pluginTermPath(pattern: string, name: string): string | null {
  const slug = name
    .replace(/[^\p{M}\p{L}\p{Nd}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();
  return slug === "" ? null : pattern.replace(/:name\b/g, slug);
}
