/**
 * A site's Sass: a `.scss` or `.sass` file that opens with front matter is compiled to CSS at the same
 * path with `.css`, as Jekyll's jekyll-sass-converter does, with `_sass/` (`sass: sass_dir:`) as the
 * load path and `sass: style:` honoured. The compiler itself is passed in (cli/sass-compiler.ts runs
 * Dart Sass on the content folder): this module decides what is compiled, with which settings, and
 * what becomes of the result. A file without front matter is not Sass to Jekyll but a static file.
 */
import type { MediaFile, SourceFile } from "../content/content-files.ts";
import { splitFrontMatter } from "../content/front-matter.ts";
import type { Template } from "../content/jekyll/templates.ts";
import type { Problem } from "../content/problem.ts";

/** What the compiler is given: the text with its front matter blanked out (lines keep their numbers). */
export interface StyleSource {
  /** Path relative to the content folder. */
  path: string;
  text: string;
  syntax: "scss" | "indented";
  /** Folders relative to the content folder where `@import`/`@use` look, after the file's own folder. */
  loadPaths: string[];
  style: "expanded" | "compressed";
}

export type StyleResult =
  | { css: string; warnings: Problem[] }
  /** `missingImport`: the error is a stylesheet it imports that is not in the site (a gem theme's). */
  | { problem: Problem; missingImport: boolean };

export type StyleCompiler = (source: StyleSource) => StyleResult;

export interface CompiledStyles {
  media: MediaFile[];
  problems: Problem[];
  warnings: Problem[];
  /** Stylesheets not compiled (no compiler, Liquid not run here, a gem theme's partials): left out as before. */
  leftOut: Template[];
}

const SASS_FILE = /\.(scss|sass)$/i;
const OUTPUT = /\{\{-?\s*([\s\S]*?)\s*-?\}\}/g;
const TAG = /\{%[\s\S]*?%\}/;

export function isSassFile(path: string): boolean {
  return SASS_FILE.test(path);
}

/** Where Jekyll writes a stylesheet: the same path, `.css`. */
export function cssPathOf(path: string): string {
  return path.replace(SASS_FILE, ".css");
}

/**
 * Compiles every stylesheet with front matter. `config` is `_config.yml`'s data: `sass:` settings, the
 * values `{{ site.KEY }}` reads and `theme:`/`remote_theme:`. `media`: the static files, which win over a
 * stylesheet's output at the same path, as in Jekyll (static files are written after pages).
 */
export function compileStylesheets(
  sheets: readonly SourceFile[],
  config: Readonly<Record<string, unknown>>,
  media: readonly MediaFile[],
  compiler: StyleCompiler | undefined,
): CompiledStyles {
  const out: CompiledStyles = { media: [], problems: [], warnings: [], leftOut: [] };
  if (sheets.length === 0) return out;
  const settings = sassSettings(config);
  const staticPaths = new Set(media.map((m) => m.path));
  const theme = [config.theme, config.remote_theme].find((t): t is string => typeof t === "string");
  for (const file of sheets) {
    const path = cssPathOf(file.path);
    const leaveOut = () => out.leftOut.push({ source: file.path, path: `/${path}`, equivalent: null });
    if (compiler === undefined) {
      leaveOut();
      continue;
    }
    if (staticPaths.has(path)) {
      out.warnings.push({ file: file.path, line: 1, reason: `${path} is also a file of the site, which is served there, as Jekyll does` });
      continue;
    }
    const prepared = prepareText(file, config);
    if ("problems" in prepared) {
      out.problems.push(...prepared.problems);
      continue;
    }
    if ("unsupported" in prepared) {
      out.warnings.push({
        file: file.path,
        line: prepared.line,
        reason: `Liquid ${prepared.unsupported.slice(0, 80)} is not run in a stylesheet yet; the stylesheet is left out`,
      });
      leaveOut();
      continue;
    }
    const syntax = /\.sass$/i.test(file.path) ? "indented" : "scss";
    const result = compiler({ path: file.path, text: prepared.text, syntax, loadPaths: settings.loadPaths, style: settings.style });
    if ("css" in result) {
      out.media.push({ path, bytes: new TextEncoder().encode(result.css) });
      out.warnings.push(...summariseWarnings(file.path, result.warnings));
    } else if (result.missingImport && theme !== undefined) {
      // The site names a gem theme whose partials are not in its folder: nothing to compile against.
      out.warnings.push({
        ...result.problem,
        reason: `${result.problem.reason}; the site names the theme ${theme}, whose files are not in the site, so ${file.path} is left out`,
      });
      leaveOut();
    } else out.problems.push(result.problem);
  }
  return out;
}

/** `sass:` in `_config.yml`: `sass_dir` (default `_sass`), `load_paths`, and `style` (Dart Sass has expanded and compressed). */
function sassSettings(config: Readonly<Record<string, unknown>>): { loadPaths: string[]; style: StyleSource["style"] } {
  const sass = isRecord(config.sass) ? config.sass : {};
  const dir = typeof sass.sass_dir === "string" && sass.sass_dir.trim() !== "" ? sass.sass_dir : "_sass";
  const extra = Array.isArray(sass.load_paths) ? sass.load_paths.filter((p): p is string => typeof p === "string") : [];
  const loadPaths = [dir, ...extra].map((p) => p.replace(/^\/+|\/+$/g, "")).filter((p) => p !== "" && !p.split("/").includes(".."));
  // jekyll-sass-converter 3 (Dart Sass) writes `nested` and `compact` as `expanded`.
  const style = typeof sass.style === "string" && sass.style.replace(/^:/, "").toLowerCase() === "compressed" ? "compressed" : "expanded";
  return { loadPaths, style };
}

/**
 * The stylesheet's text for Sass: front matter replaced by as many empty lines (so Sass's line numbers
 * are the file's), and `{{ site.KEY }}` / `{{ site.KEY | default: VALUE }}` filled from `_config.yml`, the
 * Liquid themes put in their main stylesheet (a skin name, a colour). Anything else is reported.
 */
function prepareText(
  file: SourceFile,
  config: Readonly<Record<string, unknown>>,
): { text: string } | { problems: Problem[] } | { unsupported: string; line: number } {
  const split = splitFrontMatter(file.path, file.text);
  if (split === null) return { text: file.text };
  if ("problems" in split) return split;
  const { body, bodyLine } = split.ok;
  const lineAt = (offset: number) => bodyLine + body.slice(0, offset).split("\n").length - 1;
  const tag = TAG.exec(body);
  if (tag !== null) return { unsupported: tag[0], line: lineAt(tag.index) };
  let unsupported: { unsupported: string; line: number } | null = null;
  const text = body.replace(OUTPUT, (whole, expression: string, offset: number) => {
    const value = siteValue(expression, config);
    if (value === null) unsupported ??= { unsupported: whole, line: lineAt(offset) };
    return value ?? whole;
  });
  return unsupported ?? { text: "\n".repeat(bodyLine - 1) + text };
}

/** `site.a.b`, optionally `| default: 'x'`; null for anything else. */
function siteValue(expression: string, config: Readonly<Record<string, unknown>>): string | null {
  const match = /^site\.([\w.-]+)\s*(?:\|\s*default:\s*(?:(["'])(.*?)\2|([\w.-]+))\s*)?$/.exec(expression.trim());
  if (match === null) return null;
  const key = match[1] ?? "";
  // Served at the root of its own address: the site's URL and baseurl add nothing (as in posts).
  if (key === "url" || key === "baseurl") return "";
  let value: unknown = config;
  for (const part of key.split(".")) value = isRecord(value) ? value[part] : undefined;
  // Liquid's `default` replaces nil, false and the empty string.
  const blank = value === undefined || value === null || value === false || value === "";
  if (blank) {
    if (match[3] !== undefined) return match[3];
    if (match[4] !== undefined) return match[4];
    return "";
  }
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : null;
}

/** Sass's warnings for one stylesheet (often the same deprecation many times): the first, and how many more. */
function summariseWarnings(file: string, warnings: readonly Problem[]): Problem[] {
  const [first, ...rest] = warnings;
  if (first === undefined) return [];
  const more = rest.length === 0 ? "" : ` (and ${rest.length} more Sass warning${rest.length === 1 ? "" : "s"} for ${file})`;
  return [{ ...first, reason: `${first.reason}${more}` }];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
