/**
 * Liquid in a Jekyll site's posts and pages, run before Markdown as Jekyll runs it (unless
 * `render_with_liquid: false`), with the site's `_includes/`, `_data/` and posts. What it writes
 * replaces the body; its warnings (`FILE:line`) and problems (`FILE:line:column`, which stop the
 * publish) join the others. A `{% include toc %}` the site has no file for turns the engine's own
 * table of contents on for that post.
 */
import type { ContentFiles } from "../content/content-files.ts";
import { TOC_INCLUDE } from "../content/jekyll/liquid.ts";
import type { Post } from "../content/post.ts";
import type { Problem } from "../content/problem.ts";
import { type LiquidSite, renderLiquid } from "../theme/liquid/index.ts";
import { sitePlugins } from "../theme/liquid/plugins.ts";
import type { LiquidScope } from "./liquid-scope.ts";

export interface PostLiquidInput {
  posts: readonly Post[];
  content: ContentFiles;
  timezone: string;
  scope: LiquidScope;
  /** Served paths of posts by `_posts/` name (with and without their folder), and of files by path. */
  postPaths: ReadonlyMap<string, string>;
  filePaths: ReadonlyMap<string, string>;
}

export function runPostLiquid(input: PostLiquidInput): { warnings: Problem[]; problems: Problem[] } {
  const warnings: Problem[] = [];
  const problems: Problem[] = [];
  const includes = new Map((input.content.includes ?? []).map((f) => [f.path, f.text]));
  const files = new Map(input.content.files.map((f) => [f.path, f.text]));
  const plugins = sitePlugins(input.scope.site);
  for (const post of input.posts) {
    if (!/\{[{%]/.test(post.body) || post.fields.render_with_liquid === false) continue;
    let wantsToc = false;
    const site: LiquidSite = {
      includes,
      files,
      postUrl: (name) => input.postPaths.get(name) ?? null,
      link: (path) => input.filePaths.get(path) ?? null,
      url: "",
      baseurl: "",
      timezone: input.timezone,
      plugins,
      missingInclude: (name) => {
        if (name !== TOC_INCLUDE) return null;
        wantsToc = true;
        return "";
      },
    };
    const result = renderLiquid(site, {
      source: post.body,
      file: post.source,
      line: post.bodyLine ?? 1,
      scope: { site: input.scope.site, page: input.scope.page(post) },
    });
    // Warnings are FILE:line, as the others are; a problem that stops the publish also names its column.
    warnings.push(...result.warnings.map(({ column: _column, ...w }) => w));
    if ("problem" in result) {
      problems.push(result.problem);
      continue;
    }
    post.body = result.ok;
    if (wantsToc && post.fields.toc === undefined) post.fields.toc = true;
  }
  return { warnings, problems };
}
