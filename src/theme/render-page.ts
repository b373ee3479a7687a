/**
 * Draws a page with the site's own theme, as Jekyll renders a document: the page's content (already
 * HTML), then each layout of its chain around it (`post` inside `default`…), each seeing `site`,
 * `page`, `layout` (its own front matter), `content` and, on a list page, `paginator`. The home
 * page's own template (`index.html`) runs first when a list page is drawn. Pure: the theme and the
 * page's data come in, HTML or the template's error comes out.
 */
import type { ThemeTemplate } from "../model/theme.ts";
import { type LiquidProblem, type LiquidRenderer, type LiquidSite, liquidRenderer } from "./liquid/index.ts";
import { sitePlugins } from "./liquid/plugins.ts";
import type { ReadyTheme } from "./theme-data.ts";

/** Jekyll stops a layout chain that loops; this bounds one that is merely deep. */
const MAX_CHAIN = 20;

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
  const scope: Record<string, unknown> = { site, page: { ...input.page, content: input.content }, paginator: input.paginator ?? null };
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
  }
  let name = input.layout;
  for (let depth = 0; name !== null && depth < MAX_CHAIN; depth++) {
    const layout: ThemeTemplate | undefined = ready.theme.layouts[name];
    if (layout === undefined) break;
    const problem = run(layout, layout.data);
    if (problem !== null) return { problem, warnings };
    name = layout.layout === name ? null : layout.layout;
  }
  return { html: content, warnings };
}

/**
 * The Liquid engine pages are drawn with, for the site served at `origin`, each template parsed once:
 * the Worker keeps one per theme and address (routes/themed-page.ts); the publish uses one for all pages.
 */
export function themeRenderer(ready: ReadyTheme, origin: string, timezone: string): LiquidRenderer {
  const liquidSite: LiquidSite = {
    includes: ready.includes,
    files: new Map(),
    // Posts' own Liquid ran when publishing; a layout naming a post by file has nothing to go on here.
    postUrl: () => null,
    link: () => null,
    url: origin,
    baseurl: typeof ready.site.baseurl === "string" ? ready.site.baseurl : "",
    timezone,
    plugins: sitePlugins(ready.site),
  };
  return liquidRenderer(liquidSite);
}
