/**
 * The settings of `_config.yml` that only a Jekyll site has: front matter defaults, the paginator's
 * address (jekyll-paginate's `paginate_path`), the feed jekyll-feed wrote, `exclude:`, and the
 * collections besides posts.
 */
import type { Problem } from "../problem.ts";
import type { ConfigDocument } from "../site-config.ts";
import { type PluginArchive, readArchivesPlugin } from "./archives-plugin.ts";
import { type Collection, readCollections } from "./collections.ts";
import { type DefaultSet, readDefaults } from "./defaults.ts";

export interface JekyllConfig {
  defaults: DefaultSet[];
  /** Where page N of the home page was (`/page:num/`), when the site paginated; null otherwise. */
  paginatePath: string | null;
  /** Where jekyll-feed wrote the site's Atom feed, when the site used it; null otherwise. */
  feedPath: string | null;
  /** `baseurl` (`/blog`), which the site's absolute URLs began with; "" when none. */
  baseurl: string;
  /** Paths and globs `exclude:` keeps out of the site, besides Jekyll's own. */
  exclude: string[];
  /** Folders and files starting with `_` or `.` that `include:` brings into the site (`_pages`). */
  include: string[];
  /** Collections other than posts (`collections:`). */
  collections: Collection[];
  /** `collections_dir`: the folder every collection's `_<label>/` folder is in, posts' too; "" for the site's top. */
  collectionsDir: string;
  /** The archive pages jekyll-archives made, and where (its `permalinks:`). */
  archives: PluginArchive[];
  configFile: string;
}

/** What Jekyll leaves out of every site (Configuration::DEFAULTS and DEFAULT_EXCLUDES). */
const ALWAYS_EXCLUDED = [
  ".sass-cache",
  ".jekyll-cache",
  "gemfiles",
  "Gemfile",
  "Gemfile.lock",
  "node_modules",
  "vendor/bundle",
  "vendor/cache",
  "vendor/gems",
  "vendor/ruby",
];

export function readJekyllConfig(config: ConfigDocument | null): { ok: JekyllConfig } | { problems: Problem[] } {
  const data = config?.data ?? {};
  const file = config?.file ?? "_config.yml";
  const lines = config?.lines ?? {};
  const problems: Problem[] = [];
  const defaults = readDefaults(data.defaults, file, lines);
  problems.push(...defaults.problems);
  const collections = readCollections(data.collections, file, lines);
  problems.push(...collections.problems);
  const collectionsDir = typeof data.collections_dir === "string" ? data.collections_dir.replace(/^\/+|\/+$/g, "") : "";
  // Scope paths may name the collections folder; Jekyll drops it, as documents' paths leave it out
  // (FrontmatterDefaults#strip_collections_dir).
  const sets =
    collectionsDir === ""
      ? defaults.sets
      : defaults.sets.map((set) => ({
          ...set,
          path: set.path.replace(/^\/+/, "").replace(new RegExp(`^${escapeRegExp(collectionsDir)}/`), ""),
        }));

  const plugins = [data.plugins, data.gems].flatMap((list) => (Array.isArray(list) ? list : [])).filter((p) => typeof p === "string");
  const paginates = typeof data.paginate === "number" && data.paginate > 0;
  const paginatePath =
    paginates && (typeof data.paginate_path === "string" || plugins.includes("jekyll-paginate"))
      ? typeof data.paginate_path === "string"
        ? data.paginate_path
        : "/page:num/"
      : null;
  const feed = data.feed;
  const feedPath =
    plugins.includes("jekyll-feed") || plugins.includes("jekyll-feed.rb")
      ? feed !== null && typeof feed === "object" && "path" in feed && typeof feed.path === "string"
        ? feed.path
        : "/feed.xml"
      : null;
  const exclude = Array.isArray(data.exclude) ? data.exclude.filter((e): e is string => typeof e === "string") : [];
  const include = Array.isArray(data.include) ? data.include.filter((e): e is string => typeof e === "string") : [];
  if (data.exclude !== undefined && data.exclude !== null && !Array.isArray(data.exclude)) {
    problems.push({ file, line: lines.exclude ?? 1, reason: "exclude must be a list of paths" });
  }
  const baseurl = typeof data.baseurl === "string" ? `/${data.baseurl.replace(/^\/+|\/+$/g, "")}`.replace(/^\/$/, "") : "";
  if (problems.length > 0) return { problems };
  return {
    ok: {
      defaults: sets,
      paginatePath,
      feedPath,
      baseurl,
      exclude: [...ALWAYS_EXCLUDED, ...exclude],
      include,
      collections: collections.collections,
      collectionsDir,
      archives: readArchivesPlugin(data["jekyll-archives"]),
      configFile: file,
    },
  };
}

/** Whether `exclude:` keeps a path out: the entry itself, anything under it, or a glob match. */
export function isExcluded(path: string, exclude: readonly string[]): boolean {
  return exclude.some((raw) => {
    const entry = raw.replace(/^\/+|\/+$/g, "");
    if (entry === "") return false;
    if (path === entry || path.startsWith(`${entry}/`)) return true;
    if (!entry.includes("*")) return false;
    const pattern = entry
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join("[^/]*");
    return new RegExp(`^${pattern}(?:/|$)`).test(path);
  });
}

/**
 * Whether a path is in a folder Jekyll leaves out (its name starts with `_`; `_posts` is read as
 * posts) and `include:` does not bring back.
 */
export function isHiddenFolder(path: string, include: readonly string[]): boolean {
  const folders = path.split("/").slice(0, -1);
  const named = new Set(include.map((entry) => entry.replace(/^\/+|\/+$/g, "")));
  return folders.some(
    (folder, i) => folder.startsWith("_") && folder !== "_posts" && !named.has(folder) && !named.has(folders.slice(0, i + 1).join("/")),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
