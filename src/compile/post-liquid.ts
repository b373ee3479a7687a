/**
 * Liquid in a Jekyll site's posts and pages, run before Markdown as Jekyll runs it (unless
 * `render_with_liquid: false`), with the site's `_includes/`, `_data/` and posts. What it writes
 * replaces the body; its warnings (`FILE:line`) and problems (`FILE:line:column`, which stop the
 * publish) join the others. A `{% include toc %}` the site has no file for turns the engine's own
 * table of contents on for that post.
 */
import type { ContentFiles } from "../content/content-files.ts";
import { ANSWERED_INCLUDES } from "../content/jekyll/liquid.ts";
import type { Post } from "../content/post.ts";
import type { Problem } from "../content/problem.ts";
import { highlightCode } from "../markdown/highlight/highlight.ts";
import { languageName } from "../markdown/highlight/languages.ts";
import type { CodeLineNumbers } from "../markdown/highlight/line-numbers.ts";
import { rougeTokens } from "../markdown/highlight/rouge.ts";
import { renderMarkdown } from "../markdown/marked.ts";
import { NO_RENDER_DATA } from "../markdown/render-data.ts";
import { type LiquidSite, renderLiquid } from "../theme/liquid/index.ts";
import { JEKYLL_VARIABLE } from "../theme/liquid/jekyll-variable.ts";
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
  /** Whether a post is drawn by the site's own theme: its `{% highlight %}` and `markdownify` then write Rouge's markup. */
  ownTheme?: (post: Post) => boolean;
  /** Which code kramdown numbers (`_config.yml`'s `kramdown:`), for `markdownify` in a post the site's own theme draws. */
  lineNumbers?: CodeLineNumbers;
}

const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i;

export function runPostLiquid(input: PostLiquidInput): { warnings: Problem[]; problems: Problem[] } {
  const warnings: Problem[] = [];
  const problems: Problem[] = [];
  const includes = new Map((input.content.includes ?? []).map((f) => [f.path, f.text]));
  const files = new Map(input.content.files.map((f) => [f.path, f.text]));
  const plugins = sitePlugins(input.scope.site);
  const lineNumbers = input.lineNumbers === undefined ? {} : { lineNumbers: input.lineNumbers };
  for (const post of input.posts) {
    if (!/\{[{%]/.test(post.body) || post.fields.render_with_liquid === false) continue;
    let wantsToc = false;
    const rouge = input.ownTheme?.(post) ?? false;
    const site: LiquidSite = {
      includes,
      files,
      postUrl: (name) => input.postPaths.get(name) ?? null,
      link: (path) => input.filePaths.get(path) ?? null,
      url: "",
      baseurl: "",
      timezone: input.timezone,
      markdown: (text) => renderMarkdown(text, rouge ? { ...NO_RENDER_DATA, kramdown: true, ...lineNumbers } : NO_RENDER_DATA),
      highlight: (code, lang) => {
        const name = languageName(lang);
        if (name === null) return null;
        return rouge ? rougeTokens(`${code}\n`, name) : highlightCode(`${code}\n`, name);
      },
      numberedHighlight: rouge,
      plugins,
      missingInclude: (name) => {
        const answer = ANSWERED_INCLUDES.get(name);
        if (answer === undefined) return null;
        if (answer === "toc") wantsToc = true;
        return "";
      },
    };
    const result = renderLiquid(site, {
      source: post.body,
      file: post.source,
      line: post.bodyLine ?? 1,
      scope: { site: input.scope.site, page: input.scope.page(post), jekyll: JEKYLL_VARIABLE },
    });
    // Warnings are FILE:line, as the others are; a problem that stops the publish also names its column.
    warnings.push(...result.warnings.map(({ column: _column, ...w }) => w));
    if ("problem" in result) {
      problems.push(result.problem);
      continue;
    }
    post.body = MARKDOWN.test(post.source) ? keepFiguresWhole(result.ok) : result.ok;
    if (wantsToc && post.fields.toc === undefined) post.fields.toc = true;
  }
  return { warnings, problems };
}

/**
 * `{% highlight %}` writes Rouge's `<figure class="highlight"><pre>`, whose code may hold blank lines;
 * CommonMark ends an HTML block at one (kramdown, which Jekyll uses, reads the element whole), so in
 * Markdown the line break before a blank line is written `&#10;`: the same text inside `<pre>`.
 */
function keepFiguresWhole(text: string): string {
  return text.replace(/<figure class="highlight"><pre>[\s\S]*?<\/pre><\/figure>/g, (figure) =>
    figure.replace(/\r?\n(?=[ \t]*\r?\n)/g, "&#10;"),
  );
}
