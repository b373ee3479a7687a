/**
 * A Jekyll site's own theme, read when publishing: `_layouts/` and `_includes/` as Liquid text, each
 * layout with the front matter that names the layout it sits in, and the site's home page template
 * (`index.html`, which Jekyll draws every page of the post list with). The Worker draws pages with
 * them (theme/render-page.ts); a broken front matter stops the publish at its line.
 */
import type { ContentFiles, MediaFile } from "../content/content-files.ts";
import { splitFrontMatter } from "../content/front-matter.ts";
import type { Problem } from "../content/problem.ts";
import type { ThemeModel, ThemeTemplate } from "../model/theme.ts";

/** The theme without `site`, which depends on the posts served at each moment. */
export type ThemeTemplates = Omit<ThemeModel, "site">;

/** Where Jekyll finds the home page: the first of these the site has. */
const HOME_FILES = ["index.html", "index.md", "index.markdown"];

export function themeTemplates(content: ContentFiles): { ok: ThemeTemplates | null } | { problems: Problem[] } {
  const files = content.layouts ?? [];
  // A site with includes and no layouts may still change the built-in theme (compile-site.ts decides).
  if (files.length === 0 && (content.includes ?? []).length === 0) return { ok: null };
  const problems: Problem[] = [];
  const layouts: Record<string, ThemeTemplate> = {};
  for (const file of files) {
    const name = file.path.replace(/\.[^./]+$/, "");
    const template = templateOf(`_layouts/${file.path}`, file.text, problems);
    // Jekyll keys layouts by name without extension; of two with one name the first read wins.
    if (template !== null && layouts[name] === undefined) layouts[name] = template;
  }
  const includes: Record<string, string> = {};
  for (const file of content.includes ?? []) includes[file.path] = file.text;
  const homeFile = HOME_FILES.map((name) => content.files.find((f) => f.path === name)).find((f) => f !== undefined);
  const home = homeFile === undefined ? null : templateOf(homeFile.path, homeFile.text, problems);
  return problems.length > 0 ? { problems } : { ok: { kind: "theme", layouts, includes, home } };
}

/** The names of the site's own layouts (`_layouts/post.html` is `post`), as Jekyll keys them. */
export function layoutNames(content: ContentFiles): Set<string> {
  return new Set((content.layouts ?? []).map((f) => f.path.replace(/\.[^./]+$/, "")));
}

/**
 * Whether a post is drawn by the site's own theme (its layout is one of the site's), so its code is
 * written as Jekyll writes it, in Rouge's markup and classes, for the theme's syntax stylesheet.
 */
export function drawnByOwnTheme(layouts: ReadonlySet<string>, post: { themeLayout?: string }): boolean {
  return post.themeLayout !== undefined && layouts.has(post.themeLayout);
}

export function templateOf(file: string, text: string, problems: Problem[]): ThemeTemplate | null {
  const split = splitFrontMatter(file, text);
  if (split === null) return { file, line: 1, source: text, layout: null, data: {} };
  if ("problems" in split) {
    problems.push(...split.problems);
    return null;
  }
  const { data, body, bodyLine } = split.ok;
  const parent = typeof data.layout === "string" && data.layout !== "" ? data.layout : null;
  return { file, line: bodyLine, source: body, layout: parent, data };
}

/**
 * The site's own scripts that run code from strings (`eval(`, `new Function(`: packed scripts such as
 * thickbox's), by the path they are served at: a page that loads one needs 'unsafe-eval' to work as
 * it did, and the publish says which.
 */
export function scriptsRunningEval(media: readonly MediaFile[]): string[] {
  const decoder = new TextDecoder();
  return media
    .filter((m) => /\.m?js$/i.test(m.path) && /\beval\s*\(|\bnew\s+Function\s*\(/.test(decoder.decode(m.bytes)))
    .map((m) => `/${m.path}`);
}

/**
 * Whether the theme's templates read a listed post's `content` (`post.content | strip_html`): only
 * then does `site.posts` carry every post's HTML, which is most of its size.
 */
export function readsPostContent(theme: ThemeTemplates): boolean {
  const sources = [...Object.values(theme.layouts).map((l) => l.source), ...Object.values(theme.includes), theme.home?.source ?? ""];
  return sources.some((s) => /\b(?!page\b)[a-z_]+\.content\b/.test(s));
}
