/**
 * The theme as two values of a release: its templates (layouts, includes, the home page, the files
 * `include_relative` reads) under a key named by their content, and `site` data with what only the
 * publish knows under `#theme`, naming the templates' key. Saving a post changes `site.posts` and so
 * `#theme`, never the templates' key: a Worker keeps the templates it parsed (routes/theme-drawing.ts).
 * A release published before stored the whole theme under `#theme`; it is read as it was.
 */
import type { ThemeModel, ThemeTemplates } from "../model/theme.ts";

/** `#theme` as stored since the split: the theme without its templates, and the content id naming them. */
export type StoredTheme = Omit<ThemeModel, "layouts" | "includes" | "home" | "templates"> & { templates: string };

/** The key of templates with content id `id`. */
export function themeTemplatesKey(id: string): string {
  return `#theme-templates:${id}`;
}

/** `theme` as the two values stored: `site` data naming the templates' id, and the templates. */
export function splitTheme(theme: ThemeModel): { stored: StoredTheme; templates: ThemeTemplates } {
  const { layouts, includes, home, templates: _id, lookups, ...rest } = theme;
  const { files, ...otherLookups } = lookups ?? {};
  const templates: ThemeTemplates = { kind: "theme-templates", layouts, includes, home, ...(files === undefined ? {} : { files }) };
  const stored: StoredTheme = { ...rest, templates: contentId(JSON.stringify(templates)) };
  if (lookups !== undefined) stored.lookups = otherLookups;
  return { stored, templates };
}

/** The theme the Worker draws with, from both values: `templates` names the templates' content. */
export function joinTheme(stored: StoredTheme, templates: ThemeTemplates): ThemeModel {
  const lookups = templates.files === undefined ? stored.lookups : { ...stored.lookups, files: templates.files };
  const theme: ThemeModel = { ...stored, layouts: templates.layouts, includes: templates.includes, home: templates.home };
  if (lookups !== undefined) theme.lookups = lookups;
  return theme;
}

/** Whether `#theme` holds the split form (a release published before holds the whole theme). */
export function isSplit(value: ThemeModel | StoredTheme): value is StoredTheme {
  return typeof value.templates === "string" && !("layouts" in value);
}

/**
 * 64 bits of FNV-1a over the text (two runs from different offsets), synchronous and the same in Node
 * and workerd: two template sets of one site sharing an id by chance is far less likely than a KV fault.
 */
export function contentId(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0") + text.length.toString(36);
}
