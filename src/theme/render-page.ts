/**
 * Draws a page with the site's own theme, as Jekyll renders a document: the page's content (already
 * HTML), then each layout of its chain around it (`post` inside `default`…), each seeing `site`,
 * `page`, `layout` (its own front matter), `content` and, on a list page, `paginator`. The home
 * page's own template (`index.html`) runs first when a list page is drawn. Pure: the theme and the
 * page's data come in, HTML or the template's error comes out.
 */
import type { ThemeTemplate } from "../model/theme.ts";
import { type LiquidProblem, type LiquidRenderer, type LiquidSite, liquidRenderer } from "./liquid/index.ts";
import { JEKYLL_VARIABLE } from "./liquid/jekyll-variable.ts";
import { sitePlugins } from "./liquid/plugins.ts";
import type { ReadyTheme } from "./theme-data.ts";

/** Jekyll stops a layout chain that loops; this bounds one that is merely deep. */
const MAX_CHAIN = 20;

/** Jekyll's default `markdown_ext` (markdown, mkdown, mkdn, mkd, md). */
const MARKDOWN_FILE = /\.(?:markdown|mkdown|mkdn|mkd|md)$/i;

/** Whether a template is a Markdown file, whose output is converted before its layouts (a home page `index.md`). */
export function isMarkdownTemplate(template: ThemeTemplate | null | undefined): boolean {
  return template !== null && template !== undefined && MARKDOWN_FILE.test(template.file);
}

/** The step that converts a Markdown template's output, named for the template (its errors point there). */
function markdownOf(template: ThemeTemplate): ThemeTemplate {
  return { file: template.file, line: template.line, source: "{{ content | markdownify }}", layout: null, data: {} };
}

export interface ThemedInput {
  /** The layout the page names; null draws the content alone (Jekyll's `layout: null`). */
  layout: string | null;
  /** A template the content comes from (the home page's), run before the layouts. */
  body?: ThemeTemplate;
  content: string;
  page: Record<string, unknown>;
  paginator?: Record<string, unknown>;
  /** `site.*` the theme's own site data lacks (the built-in theme's title, description, lang). */
  site?: Record<string, unknown>;
  /** The address the page is served from: `site.url`, as `jekyll serve` sets it. */
  origin: string;
  timezone: string;
}

/** Warnings (unknown filters and tags) come with either: the publish reports them, the Worker ignores them. */
export type ThemedResult = { html: string; warnings: LiquidProblem[] } | { problem: LiquidProblem; warnings: LiquidProblem[] };

export function renderThemed(ready: ReadyTheme, input: ThemedInput, renderer?: LiquidRenderer): ThemedResult {
  const site = { ...input.site, ...ready.site, url: input.origin };
  const liquid = renderer ?? themeRenderer(ready, input.origin, input.timezone);
  // `page.content` is the page's own content, converted; `content` grows as each layout wraps it.
  const scope: Record<string, unknown> = {
    site,
    page: { ...input.page, content: input.content },
    paginator: input.paginator ?? null,
    jekyll: JEKYLL_VARIABLE,
  };
  let content = input.content;
  const warnings: LiquidProblem[] = [];
  const run = (template: ThemeTemplate, layoutData: Record<string, unknown>): LiquidProblem | null => {
    const result = liquid.render({
      source: template.source,
      file: template.file,
      line: template.line,
      scope: { ...scope, content, layout: layoutData },
    });
    warnings.push(...result.warnings);
    if ("problem" in result) return result.problem;
    content = result.ok;
    return null;
  };
  if (input.body !== undefined) {
    const problem = run(input.body, {});
    if (problem !== null) return { problem, warnings };
    // A Markdown home page (minima's index.md) is converted after its Liquid and before its layouts,
    // as Jekyll converts any page; through `markdownify`, which the Worker answers from the publish's lookups.
    const converted = isMarkdownTemplate(input.body) ? run(markdownOf(input.body), {}) : null;
    if (converted !== null) return { problem: converted, warnings };
  }
  let name = input.layout;
  // An outer layout's `layout` is its front matter under the inner layouts' (Jekyll's render_layout deep-merges them).
  let layoutData: Record<string, unknown> = {};
  for (let depth = 0; name !== null && depth < MAX_CHAIN; depth++) {
    const layout: ThemeTemplate | undefined = ready.theme.layouts[name];
    if (layout === undefined) break;
    layoutData = deepMerge(layout.data, layoutData);
    const problem = run(layout, layoutData);
    if (problem !== null) return { problem, warnings };
    name = layout.layout === name ? null : layout.layout;
  }
  return { html: content, warnings };
}

/**
 * What the publish works out while it draws every page and keeps with the theme for the Worker, which
 * has neither: `markdownify`'s HTML and `{% highlight %}`'s token spans (compile-site.ts).
 */
export interface Converters {
  markdown(text: string): string;
  highlight(code: string, lang: string): string | null;
}

/** Where `{% highlight lang %}`'s tokens for `code` are kept in the theme's lookups. */
export function highlightKey(lang: string, code: string): string {
  // A language name holds no line break (the tag's syntax), so the pair reads back one way only.
  return `${lang}\n${code}`;
}

/** A renderer for one theme's templates that any version of its `site` data can draw with (`use`). */
export interface ThemeRenderer extends LiquidRenderer {
  /** Answers `post_url`, `link`, `markdownify` and `highlight` from `ready`'s lookups: its templates must be the renderer's. */
  use(ready: ReadyTheme): void;
}

/**
 * The Liquid engine pages are drawn with, for the site served at `origin`, each template parsed once:
 * the Worker keeps one per theme's templates and address (routes/theme-drawing.ts); the publish uses one for all pages.
 * `post_url`, `link`, `include_relative`, `markdownify` and `highlight` answer from what the publish
 * stored with the theme (compile/theme-lookups.ts); the publish passes its own `converters`, which fill that store.
 */
export function themeRenderer(ready: ReadyTheme, origin: string, timezone: string, converters?: Converters): ThemeRenderer {
  let lookups = ready.theme.lookups ?? {};
  const liquidSite: LiquidSite = {
    includes: ready.includes,
    files: ready.files,
    postUrl: (name) => lookups.postUrls?.[name] ?? null,
    link: (path) => lookups.links?.[path] ?? null,
    url: origin,
    baseurl: typeof ready.site.baseurl === "string" ? ready.site.baseurl : "",
    timezone,
    plugins: sitePlugins(ready.site),
    // A text the publish did not see converted (none should be) is shown as it is, code plain.
    markdown: converters?.markdown ?? ((text) => lookups.markdown?.[text] ?? text),
    highlight: converters?.highlight ?? ((code, lang) => lookups.highlight?.[highlightKey(lang, code)] ?? null),
    // Only the site's own layouts use `{% highlight %}`; its stylesheet lays out Rouge's table.
    numberedHighlight: true,
  };
  const renderer = liquidRenderer(liquidSite);
  return {
    render: (input) => renderer.render(input),
    use(other) {
      lookups = other.theme.lookups ?? {};
    },
  };
}

/** Jekyll's Utils.deep_merge_hashes: `over`'s keys win, maps in both are merged, anything else is replaced. */
function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const below = merged[key];
    merged[key] = isMap(below) && isMap(value) ? deepMerge(below, value) : value;
  }
  return merged;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
