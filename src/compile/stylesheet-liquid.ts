/**
 * The Liquid of a Jekyll site's stylesheets (a `.scss` or `.sass` file with front matter), run before
 * Sass as Jekyll runs it: with `site`, `page` (the file's front matter, url and path), `jekyll`, and the
 * site's includes. chirpy counts its tabs this way (`$tab-count: {{ site.tabs | size | plus: 1 }}`), other
 * themes loop over colours from `_config.yml`. A stylesheet without Liquid is left as it is; an error
 * stops the publish at `FILE:line:column`, as a template's does.
 */
import type { SourceFile } from "../content/content-files.ts";
import { splitFrontMatter } from "../content/front-matter.ts";
import type { Problem } from "../content/problem.ts";
import { type LiquidSite, renderLiquid } from "../theme/liquid/index.ts";
import { JEKYLL_VARIABLE } from "../theme/liquid/jekyll-variable.ts";
import { type PublishLiquidInput, publishLiquidSite } from "./publish-liquid-site.ts";
import { cssPathOf } from "./stylesheets.ts";

export interface StylesheetLiquidInput extends PublishLiquidInput {
  sheets: readonly SourceFile[];
}

export function runStylesheetLiquid(input: StylesheetLiquidInput): { sheets: SourceFile[]; warnings: Problem[]; problems: Problem[] } {
  const out = { sheets: [] as SourceFile[], warnings: [] as Problem[], problems: [] as Problem[] };
  let site: LiquidSite | null = null;
  for (const file of input.sheets) {
    const split = splitFrontMatter(file.path, file.text);
    // Without Liquid (or with front matter the Sass step reports on) the file goes on as it is.
    if (split === null || "problems" in split || !/\{[{%]/.test(split.ok.body)) {
      out.sheets.push(file);
      continue;
    }
    const { body, bodyLine, data } = split.ok;
    site ??= publishLiquidSite(input);
    const page = { ...data, url: `/${cssPathOf(file.path)}`, path: file.path };
    const result = renderLiquid(site, {
      source: body,
      file: file.path,
      line: bodyLine,
      scope: { site: input.site, page, jekyll: JEKYLL_VARIABLE },
    });
    out.warnings.push(...result.warnings.map(({ column: _column, ...w }) => w));
    if ("problem" in result) {
      out.problems.push(result.problem);
      continue;
    }
    // The front matter stays (it marks the file as Sass), as blank lines, so Sass's line numbers before any Liquid output stay the file's.
    out.sheets.push({ ...file, text: `---\n---\n${"\n".repeat(Math.max(0, bodyLine - 3))}${result.ok}` });
  }
  return out;
}
