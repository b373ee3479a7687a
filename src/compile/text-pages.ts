/**
 * A Jekyll site's scripts, JSON, XML and text files with front matter that the engine has no page of
 * its own for (chirpy's `/app.js` and `/sw.js`, a theme's `search.json` of its own shape, a
 * `browserconfig.xml`): Jekyll runs their Liquid, wraps them in the layouts they name (chirpy's
 * `compress`) and writes them at their permalink. So does the publish, and serves each as a static
 * file. A static file at the same path wins, as in Jekyll (static files are written last).
 */
import type { ContentFiles, MediaFile } from "../content/content-files.ts";
import type { Post } from "../content/post.ts";
import type { Problem } from "../content/problem.ts";
import type { ThemeTemplate } from "../model/theme.ts";
import { liquidRenderer } from "../theme/liquid/index.ts";
import { JEKYLL_VARIABLE } from "../theme/liquid/jekyll-variable.ts";
import type { LiquidScope } from "./liquid-scope.ts";
import { type PublishLiquidInput, publishLiquidSite } from "./publish-liquid-site.ts";
import { templateOf } from "./theme-templates.ts";

export interface TextPagesInput extends Omit<PublishLiquidInput, "site"> {
  pages: readonly Post[];
  scope: LiquidScope;
  /** Paths of the site's static files. */
  staticPaths: ReadonlySet<string>;
}

/** Layout chains deeper than this are a loop (a layout naming itself through others). */
const MAX_CHAIN = 16;

export function renderTextPages(input: TextPagesInput): { media: MediaFile[]; problems: Problem[]; warnings: Problem[] } {
  const out = { media: [] as MediaFile[], problems: [] as Problem[], warnings: [] as Problem[] };
  if (input.pages.length === 0) return out;
  const layouts = layoutsOf(input.content, out.problems);
  const liquid = liquidRenderer(publishLiquidSite({ ...input, site: input.scope.site }));
  const encoder = new TextEncoder();
  for (const post of input.pages) {
    const path = post.permalink.replace(/^\/+/, "");
    if (input.staticPaths.has(path)) continue;
    const page = input.scope.page(post);
    const scope = { site: input.scope.site, page, jekyll: JEKYLL_VARIABLE };
    const first = liquid.render({ source: post.body, file: post.source, line: post.bodyLine ?? 1, scope });
    out.warnings.push(...first.warnings.map(({ column: _column, ...w }) => w));
    if ("problem" in first) {
      out.problems.push(first.problem);
      continue;
    }
    let content = first.ok;
    let failed = false;
    let layoutData: Record<string, unknown> = {};
    let name = typeof post.themeLayout === "string" ? post.themeLayout : null;
    for (let depth = 0; name !== null && depth < MAX_CHAIN; depth++) {
      const layout = layouts.get(name);
      if (layout === undefined) break;
      layoutData = { ...layout.data, ...layoutData };
      const result = liquid.render({
        source: layout.source,
        file: layout.file,
        line: layout.line,
        scope: { ...scope, layout: layoutData, content },
      });
      out.warnings.push(...result.warnings.map(({ column: _column, ...w }) => w));
      if ("problem" in result) {
        out.problems.push(result.problem);
        failed = true;
        break;
      }
      content = result.ok;
      name = layout.layout === name ? null : layout.layout;
    }
    if (!failed) out.media.push({ path, bytes: encoder.encode(content) });
  }
  return out;
}

function layoutsOf(content: ContentFiles, problems: Problem[]): Map<string, ThemeTemplate> {
  const layouts = new Map<string, ThemeTemplate>();
  for (const file of content.layouts ?? []) {
    const name = file.path.replace(/\.[^./]+$/, "");
    const template = templateOf(`_layouts/${file.path}`, file.text, problems);
    // Of two layouts with one name the first read wins, as in Jekyll.
    if (template !== null && !layouts.has(name)) layouts.set(name, template);
  }
  return layouts;
}
