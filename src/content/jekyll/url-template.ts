/**
 * Jekyll's URL templates: the built-in permalink styles, filling `:placeholders`, and the path a
 * URL ends up served at. Facts from Jekyll 4.3 (lib/jekyll/url.rb, configuration.rb, utils.rb
 * add_permalink_suffix, page.rb destination), checked against `jekyll build` by test/node/jekyll/.
 */

/** The named styles `permalink:` may take in `_config.yml` (Jekyll's STYLE_TO_PERMALINK). */
export const PERMALINK_STYLES: Readonly<Record<string, string>> = {
  date: "/:categories/:year/:month/:day/:title:output_ext",
  pretty: "/:categories/:year/:month/:day/:title/",
  ordinal: "/:categories/:year/:y_day/:title:output_ext",
  weekdate: "/:categories/:year/W:week/:short_day/:title:output_ext",
  none: "/:categories/:title:output_ext",
};

/** Jekyll's style when `_config.yml` names none. */
export const DEFAULT_STYLE = "date";

const PLACEHOLDER = /:([a-z_]+)/g;

/** The pattern a `permalink:` setting stands for: a style's pattern, or the setting itself. */
export function patternOf(setting: string): string {
  return PERMALINK_STYLES[setting] ?? setting;
}

/**
 * How a page's own address ends under the site's style: `pretty` and patterns ending in `/` give
 * `/about/`, the other named styles and patterns ending in `:output_ext` give `/about.html`, and any
 * other pattern gives `/about` (served from `about.html`).
 */
export function pageTemplate(setting: string): string {
  if (setting === "pretty" || (!(setting in PERMALINK_STYLES) && setting.endsWith("/"))) return "/:path/:basename/";
  if (setting in PERMALINK_STYLES || setting.endsWith(":output_ext")) return "/:path/:basename:output_ext";
  return "/:path/:basename";
}

/** The placeholder names a pattern uses, in order. */
export function placeholdersIn(pattern: string): string[] {
  return [...pattern.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "");
}

/**
 * The first placeholder in `pattern` that `known` lacks, or null. A name ending in `_` may also be
 * the name without it followed by `_` (`:month_:day`), as Jekyll reads it.
 */
export function unknownPlaceholder(pattern: string, known: ReadonlySet<string>): string | null {
  for (const name of placeholdersIn(pattern)) if (resolveName(name, known) === null) return name;
  return null;
}

/**
 * Fills every placeholder with its value. A post's URL (a Jekyll document) must know every name it
 * uses (`unknown: "error"`); a page's keeps names it does not know as text (`unknown: "keep"`).
 */
export function fillTemplate(
  template: string,
  values: Readonly<Record<string, string>>,
  unknown: "error" | "keep",
): { ok: string } | { unknown: string } {
  const known = new Set(Object.keys(values));
  let missing: string | null = null;
  const filled = template.replace(PLACEHOLDER, (whole, name: string) => {
    const resolved = resolveName(name, known);
    if (resolved === null) {
      if (unknown === "error") missing ??= name;
      return whole;
    }
    // Values are inserted percent-escaped (a literal % must survive the decoding that follows).
    return (values[resolved] ?? "").replace(/%/g, "%25") + name.slice(resolved.length);
  });
  return missing === null ? { ok: filled } : { unknown: missing };
}

function resolveName(name: string, known: ReadonlySet<string>): string | null {
  if (known.has(name)) return name;
  const chomped = name.endsWith("_") ? name.slice(0, -1) : null;
  return chomped !== null && known.has(chomped) ? chomped : null;
}

/** Jekyll's URL#sanitize_url: one leading slash, `..` made a separator, `./` dropped, runs of slashes squeezed. */
export function sanitizeUrl(url: string): string {
  return `/${url}`
    .replaceAll("..", "/")
    .replaceAll("./", "")
    .replace(/\/{2,}/g, "/");
}

/**
 * Where the page for a Jekyll URL is served, in our canonical (decoded, NFC) form. As Jekyll writes
 * files: a URL ending in `/` is a folder's index; one that does not end in the output extension gets
 * it added (`/about` is written to `about.html`); a trailing `index.html` is the folder itself.
 */
export function servedPath(url: string, outputExt: string): string {
  let path = decodePercents(url).normalize("NFC");
  if (!path.endsWith("/") && !path.endsWith(outputExt)) path += outputExt;
  if (path.endsWith("/index.html")) path = path.slice(0, -"index.html".length);
  return path;
}

/** Decodes every well-formed UTF-8 percent sequence and leaves any other `%` as written (as Addressable does). */
export function decodePercents(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}
