/**
 * The publish-time site compiler: from a content folder to a checked site build. Every problem in
 * every file is collected and reported together; a build exists only when there are none.
 */
import type { ContentFiles, MediaFile } from "../content/content-files.ts";
import type { Template } from "../content/jekyll/templates.ts";
import { keyOrigin } from "../content/key-origin.ts";
import type { Post } from "../content/post.ts";
import { readComments } from "../content/post-comments.ts";
import type { Problem } from "../content/problem.ts";
import { EMPTY_SITE_DATA, parseSiteData, type SiteData } from "../content/site-data/site-data.ts";
import { languageName } from "../markdown/highlight/languages.ts";
import { kramdownLineNumbers } from "../markdown/highlight/line-numbers.ts";
import { rougeTokens } from "../markdown/highlight/rouge.ts";
import { renderMarkdown } from "../markdown/marked.ts";
import { NO_RENDER_DATA } from "../markdown/render-data.ts";
import type { PageCsp } from "../model/csp.ts";
import type { SiteConfig } from "../model/site.ts";
import type { ThemeModel } from "../model/theme.ts";
import { overridesBuiltIn } from "../theme/built-in-theme.ts";
import { type Converters, highlightKey } from "../theme/render-page.ts";
import type { LocalPreview } from "./compile-memo.ts";
import { findConflicts } from "./conflicts.ts";
import { parseAllowance, siteAllowance } from "./csp/allowances.ts";
import { imageSizes } from "./images/image-sizes.ts";
import { liquidDataOf as siteData } from "./liquid-scope.ts";
import { namedThemeNote } from "./named-theme.ts";
import { oldAddresses } from "./old-addresses.ts";
import { ownSite, rootRelativeLinks } from "./own-host-links.ts";
import { extrasContext, type PostExtras, postExtras, siteImages } from "./post-extras.ts";
import { type PostOptions, postOptions } from "./post-options.ts";
import { preparePost } from "./prepare.ts";
import { readSources, type Sources } from "./read-sources.ts";
import { type SiteTheme, sitePages } from "./site-pages.ts";
import { compileStylesheets, type StyleCompiler } from "./stylesheets.ts";
import { checkTheme } from "./theme-check.ts";
import { sitePaths, themeLookups } from "./theme-lookups.ts";
import { drawnByOwnTheme, layoutNames, readsPostContent, scriptsRunningEval, themeTemplates } from "./theme-templates.ts";
import type { SiteBuild } from "./types.ts";

export interface CompiledSite {
  build: SiteBuild | null;
  problems: Problem[];
  /** Worth telling the author, never a reason to stop: a key given twice, Liquid left as written. */
  warnings: Problem[];
  posts: number;
  pages: number;
  skipped: Array<{ path: string; reason: string }>;
  /** Liquid templates left out, with the address each had and what answers there now. */
  templates: Template[];
  /** The files the site publishes as they are (a Jekyll site's `exclude:` left out), its compiled Sass among them. */
  media: MediaFile[];
}

/** The site's own stylesheet for the built-in theme (a `custom.scss` there is compiled to it). */
const CUSTOM_CSS = "assets/css/custom.css";

/** The largest 404 page kept from the site (it travels in every release record). */
const MAX_NOT_FOUND_BYTES = 32 * 1024;

/**
 * `asOf` is the publish time (epoch ms): posts dated after it are scheduled, served only from their date on.
 * Without it every post is served now. `preview`: what a local preview adds (compile-memo.ts); a
 * build with drafts or future posts in it is marked `preview` and never reaches a deployed site.
 * `styles` compiles the site's Sass (cli/sass-compiler.ts); without it, stylesheets are left out like templates.
 * `builtIn`: the built-in theme (cli/built-in-files.ts), which completes a site's own theme when stored;
 * without it the Worker completes it with the one its bundle carries.
 */
export function compileSite(
  content: ContentFiles,
  overrides: Partial<SiteConfig> = {},
  asOf?: number,
  preview: LocalPreview = {},
  styles?: StyleCompiler,
  builtIn?: ThemeModel,
): CompiledSite {
  const { memo } = preview;
  memo?.begin(content);
  const sources = readSources(content, overrides, preview, asOf);
  const css = compileStylesheets(sources.stylesheets, sources.config, sources.media, styles);
  sources.media.push(...css.media);
  sources.problems.push(...css.problems);
  sources.warnings.push(...css.warnings);
  sources.templates.push(...css.leftOut);
  const { posts, problems, warnings, skipped, templates } = sources;
  let site = sources.site;
  const counts = { posts: posts.filter((p) => p.layout === "post").length, pages: posts.filter((p) => p.layout === "page").length };
  const result = { warnings, skipped, templates, media: sources.media, ...counts };
  const allowances = cspAllowances(posts, content.config);
  problems.push(...allowances.problems);
  let data: SiteData = EMPTY_SITE_DATA;
  const parsedData = parseSiteData(content.data ?? []);
  if ("problems" in parsedData) problems.push(...parsedData.problems);
  else data = parsedData.data;
  const extrasCtx = extrasContext(sources.media, data.attachments);
  const extras = new Map<Post, PostExtras>();
  const options = new Map<Post, PostOptions>();
  if (preview.future && asOf !== undefined) {
    for (const post of posts) if (Date.parse(post.date) > asOf) post.preview ??= "scheduled";
  }
  for (const post of posts) {
    post.author = authorName(post.author, data);
    const parsed = postOptions(post);
    warnings.push(...parsed.warnings);
    options.set(post, parsed.options);
    const comments = readComments(post, site.timezone);
    if ("problems" in comments) problems.push(...comments.problems);
    else {
      warnings.push(...comments.warnings);
      extras.set(post, postExtras(post, comments.shown ? comments.comments : [], extrasCtx, parsed.options.image));
    }
  }
  // Clashes between the files that did parse are reported with the other problems, not after they are fixed.
  if (problems.length > 0) {
    return { build: null, problems: sortProblems([...problems, ...findConflicts(posts, sources.media, new Map())]), ...result };
  }
  // Links to the site's own old host point at the site wherever it is served (own-host-links.ts).
  const own = ownSite([site.url], sources.jekyll?.baseurl ?? "");
  if (sources.notFound !== null) {
    // Jekyll runs Markdown only on Markdown files: a 404.html is HTML as written.
    const { source, body } = sources.notFound;
    const html = rootRelativeLinks((/\.html?$/i.test(source) ? body : renderMarkdown(body)).trim(), own);
    if (new TextEncoder().encode(html).byteLength <= MAX_NOT_FOUND_BYTES) site = { ...site, notFoundHtml: html };
    else warnings.push({ file: source, line: 1, reason: "this 404 page is over 32 KiB; the standard one is used" });
  }
  // minima's convention: a stylesheet of the site's own at this path follows the built-in theme's.
  if (sources.media.some((m) => m.path === CUSTOM_CSS)) site = { ...site, customCss: `/${CUSTOM_CSS}` };
  const images = siteImages(data.attachments, extrasCtx);
  const sizes = imageSizes(sources.media, site.url);
  const around = memo?.renderContext(content, sources.media) ?? "";
  const layouts = layoutNames(content);
  const lineNumbers = kramdownLineNumbers(sources.config.kramdown);
  const prepared = posts.map((post) => {
    const rouge = drawnByOwnTheme(layouts, post);
    const context = {
      data: { postId: post.id, images, kramdown: rouge, ...(rouge ? { lineNumbers } : {}) },
      sizes,
      ownTheme: rouge,
      own,
      ...optionalOptions(options.get(post)),
    };
    const prepare = () => preparePost(post, [allowances.site, ...optional(allowances.own.get(post))], context);
    const done = memo === undefined ? prepare() : memo.prepare(`${around}\0${rouge}\0${JSON.stringify(post)}`, post.source, prepare);
    return { ...done, ...optionalExtras(extras.get(post)) };
  });
  const named = namedThemeNote(content, sources.config);
  if (named !== null) warnings.push(named);
  const theme = siteTheme(content, sources, warnings, builtIn);
  if ("problems" in theme) return { build: null, problems: theme.problems, ...result };
  const shownAsOf = preview.future ? Number.POSITIVE_INFINITY : asOf;
  // A 404 page the site's theme draws is prepared as its pages are (within the same size limit as
  // `notFoundHtml`, kept with the site record); otherwise `notFoundHtml` above is all of it.
  const lost = sources.notFound;
  const notFound =
    lost === null || site.notFoundHtml === undefined || !drawnByOwnTheme(layouts, lost)
      ? null
      : preparePost(lost, [allowances.site], {
          data: { postId: lost.id, images, kramdown: true, lineNumbers },
          sizes,
          ownTheme: true,
          own,
        });
  const built = sitePages(prepared, site, sources.media, shownAsOf, {
    data,
    old: oldAddresses(sources, counts.posts),
    theme: theme.ok,
    notFound,
  });
  if ("problems" in built) return { build: null, problems: built.problems, ...result };
  warnings.push(...built.warnings);
  if (built.build.theme !== undefined) {
    // A save under `npm run dev` draws a page of each layout; a publish draws every page. Each text a
    // layout gives `markdownify`, and each code block of a layout's `{% highlight %}`, is converted
    // here and kept with the theme (one record, shared by every moment's theme), so the Worker, which
    // has no Markdown and no highlighter, shows the same HTML.
    const lookups = built.build.theme.lookups;
    const converters: Converters = {
      markdown: (text) => {
        const html = renderMarkdown(text, { ...NO_RENDER_DATA, kramdown: true, lineNumbers });
        if (lookups?.markdown !== undefined) lookups.markdown[text] = html;
        return html;
      },
      highlight: (code, lang) => {
        const name = languageName(lang);
        const html = name === null ? null : rougeTokens(`${code}\n`, name);
        if (html !== null && lookups?.highlight !== undefined) lookups.highlight[highlightKey(lang, code)] = html;
        return html;
      },
    };
    const checked = checkTheme(
      built.build.pages,
      built.build.theme,
      site,
      memo === undefined ? { converters } : { onePerLayout: true, kept: memo.themeCheck, converters },
    );
    warnings.push(...checked.warnings);
    if (checked.problems.length > 0) return { build: null, problems: sortProblems(checked.problems), ...result };
  }
  const isPreview = posts.some((p) => p.preview !== undefined);
  return { build: isPreview ? { ...built.build, preview: true } : built.build, problems: [], ...result };
}

/**
 * The site's own theme (`_layouts/`, or an `_includes/` file that replaces one of the built-in theme's),
 * with what its `site` variable is made of; null when it has none.
 */
function siteTheme(
  content: ContentFiles,
  sources: Sources,
  warnings: Problem[],
  builtIn: ThemeModel | undefined,
): { ok: SiteTheme | null } | { problems: Problem[] } {
  const templates = themeTemplates(content);
  if ("problems" in templates) return templates;
  if (templates.ok === null) return { ok: null };
  // Includes alone (for posts' own `{% include %}`) leave the built-in theme as it is: nothing to store.
  const layouts = Object.keys(templates.ok.layouts).length > 0;
  if (!layouts && (builtIn === undefined || !overridesBuiltIn(templates.ok, builtIn))) return { ok: null };
  const evalScripts = scriptsRunningEval(sources.media);
  for (const path of evalScripts) {
    warnings.push({ file: path.slice(1), line: 1, reason: "this script runs eval: the theme's pages that load it allow 'unsafe-eval'" });
  }
  if (evalScripts.length > 0) templates.ok.evalScripts = evalScripts;
  const lookups = themeLookups(templates.ok, content, sources.posts, sitePaths(sources.posts, sources.media));
  if (Object.keys(lookups).length > 0) templates.ok.lookups = lookups;
  const site = {
    config: sources.config,
    title: sources.site.title,
    description: sources.site.description,
    baseurl: sources.jekyll?.baseurl ?? "",
    data: siteData(content.data ?? []),
    withContent: readsPostContent(templates.ok),
  };
  return { ok: builtIn === undefined ? { templates: templates.ok, site } : { templates: templates.ok, site, builtIn } };
}

/** The site's and each post's own CSP allowances (`csp:` in `_config.yml` and in front matter). */
function cspAllowances(posts: readonly Post[], config: ContentFiles["config"]) {
  const problems: Problem[] = [];
  const own = new Map<Post, PageCsp>();
  const site = siteAllowance(config);
  if ("problems" in site) return { site: { scripts: [], handlers: [], sources: {} }, own, problems: site.problems };
  for (const post of posts) {
    const at = keyOrigin(post, "csp");
    const allowance = parseAllowance(post.fields.csp, at.file, at.line);
    if ("problems" in allowance) problems.push(...allowance.problems);
    else own.set(post, allowance.ok);
  }
  return { site: site.ok, own, problems };
}

/** An author named by a key of `_data/authors.yml` (minimal-mistakes, chirpy, so-simple) is shown by that entry's name. */
function authorName(author: string, data: SiteData): string {
  return data.authors.find((a) => a.key === author)?.name ?? author;
}

function optionalExtras(extras: PostExtras | undefined): { extras?: PostExtras } {
  return extras === undefined ? {} : { extras };
}

function optionalOptions(options: PostOptions | undefined): { options?: PostOptions } {
  return options === undefined ? {} : { options };
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
