/**
 * The built-in theme (the files under theme/built-in/) as a ThemeModel: its layouts with the layout
 * each sits in, and its includes. Pure: the Worker hands in the files its bundle carries
 * (built-in-files.ts), the publish the files read from disk (cli/built-in-files.ts).
 */
import type { ThemeModel, ThemeTemplate } from "../model/theme.ts";

/** The only front matter the built-in layouts have: `layout: NAME`. */
const FRONT = /^---\r?\n(?:layout:\s*([\w-]+)\s*\r?\n)?---\r?\n/;

/** `files` by their path in the theme folder (`_layouts/post.html`, `_includes/head.html`). */
export function builtInTheme(files: Readonly<Record<string, string>>): ThemeModel {
  const layouts: Record<string, ThemeTemplate> = {};
  const includes: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) {
    // The stylesheet is inlined into every page: one line, as a minifier would leave it (kept one rule a line in the file for reading).
    if (path.startsWith("_includes/"))
      includes[path.slice("_includes/".length)] = path.endsWith(".css") ? text.replace(/\r?\n/g, "") : text;
    else if (path.startsWith("_layouts/")) {
      const front = FRONT.exec(text);
      const lines = front === null ? 0 : front[0].split("\n").length - 1;
      layouts[path.slice("_layouts/".length).replace(/\.[^./]+$/, "")] = {
        file: `_layouts/${path.slice("_layouts/".length)}`,
        line: lines + 1,
        source: front === null ? text : text.slice(front[0].length),
        layout: front?.[1] ?? null,
        data: front?.[1] ? { layout: front[1] } : {},
        builtIn: true,
      };
    }
  }
  return { kind: "theme", layouts, includes, home: null, site: {}, withBuiltIn: true };
}

/**
 * A site's theme completed with the built-in one: Jekyll's lookup order, the site's layouts and
 * includes first, the built-in's for every name the site has none of. So the engine's own pages
 * (archives, search, 404; layouts `list`, `search`, `404` with `layout: default`) are framed by the
 * site's `default`, and a site that overrides one include keeps the rest.
 */
export function withBuiltIn(site: ThemeModel, builtIn: ThemeModel): ThemeModel {
  if (site.withBuiltIn === true) return site;
  return {
    ...site,
    layouts: { ...builtIn.layouts, ...site.layouts },
    includes: { ...builtIn.includes, ...site.includes },
    withBuiltIn: true,
  };
}

/** Whether any layout of `theme` is the site's own: its posts without a layout of the site's then keep the built-in theme's look whole. */
export function hasOwnLayouts(theme: ThemeModel): boolean {
  return Object.values(theme.layouts).some((layout) => layout.builtIn !== true);
}

/** Whether the site's theme changes anything of the built-in one: a layout, or an include of the same name. */
export function overridesBuiltIn(site: Pick<ThemeModel, "layouts" | "includes">, builtIn: ThemeModel): boolean {
  return Object.keys(site.layouts).length > 0 || Object.keys(site.includes).some((name) => builtIn.includes[name] !== undefined);
}
