/**
 * From a content folder's files to what a site is made of: its settings, the posts and pages to
 * publish, the Liquid templates left out, the site's own 404 page, and what was skipped and why.
 * A Jekyll site (it has `_posts/`) is read by Jekyll's rules; our own `content/` layout by ours.
 */
import type { ContentFiles, MediaFile, SourceFile } from "../content/content-files.ts";
import { splitFrontMatter } from "../content/front-matter.ts";
import { collectionOf } from "../content/jekyll/collections.ts";
import { isExcluded, isHiddenFolder, type JekyllConfig, readJekyllConfig } from "../content/jekyll/jekyll-config.ts";
import { isJekyllSite, type JekyllRules } from "../content/jekyll/post-rules.ts";
import { asTemplate, type Template } from "../content/jekyll/templates.ts";
import { DEFAULT_STYLE } from "../content/jekyll/url-template.ts";
import { lookFromConfig } from "../content/look/site-look.ts";
import { parsePost } from "../content/parse-post.ts";
import type { Post } from "../content/post.ts";
import type { Problem } from "../content/problem.ts";
import { type ConfigDocument, readConfigDocument, siteFromConfig } from "../content/site-config.ts";
import { kramdownLineNumbers } from "../markdown/highlight/line-numbers.ts";
import { DEFAULT_SITE, type SiteConfig } from "../model/site.ts";
import type { LocalPreview } from "./compile-memo.ts";
import { liquidScope } from "./liquid-scope.ts";
import { runPostLiquid } from "./post-liquid.ts";
import { runStylesheetLiquid } from "./stylesheet-liquid.ts";
import { isSassFile } from "./stylesheets.ts";
import { renderTextPages } from "./text-pages.ts";
import { sitePaths } from "./theme-lookups.ts";
import { drawnByOwnTheme, layoutNames } from "./theme-templates.ts";

export interface Sources {
  site: SiteConfig;
  /** `_config.yml` as written ({} without one): every key a theme or a stylesheet reads as `site.KEY`. */
  config: Record<string, unknown>;
  /** Jekyll's settings when the folder is a Jekyll site, else null. */
  jekyll: JekyllConfig | null;
  posts: Post[];
  media: MediaFile[];
  templates: Template[];
  /** Sass files with front matter, which Jekyll compiles to CSS (compile/stylesheets.ts). */
  stylesheets: SourceFile[];
  /** Scripts, JSON, XML… with front matter and no page of the engine's at their address (compile/text-pages.ts). */
  textPages: Post[];
  /** A plain page the site had for missing addresses (`404.html`, `404.md`): its text becomes our 404 page's. */
  notFound: Post | null;
  skipped: Array<{ path: string; reason: string }>;
  problems: Problem[];
  warnings: Problem[];
}

const NOT_FOUND_SOURCE = /^404\.(md|markdown|html?)$/i;
const SOURCE_TEXT = /\.(md|markdown|mdown|mkd|html?)$/i;

/** `now` (epoch ms, the publish time) is Liquid's `site.time`; without it, the newest post's date. */
export function readSources(content: ContentFiles, overrides: Partial<SiteConfig> = {}, preview: LocalPreview = {}, now?: number): Sources {
  const { memo, drafts = false } = preview;
  const jekyllSite = isJekyllSite(content.files);
  const out: Sources = {
    site: { ...DEFAULT_SITE, ...overrides },
    config: {},
    jekyll: null,
    posts: [],
    media: content.media,
    templates: [],
    stylesheets: [],
    textPages: [],
    notFound: null,
    skipped: [...content.skipped],
    problems: [...content.problems],
    warnings: [],
  };
  const config = readConfig(content, jekyllSite, overrides, out);
  out.config = config?.data ?? {};
  if (jekyllSite) {
    const jekyll = readJekyllConfig(config);
    if ("problems" in jekyll) out.problems.push(...jekyll.problems);
    else out.jekyll = jekyll.ok;
  }
  const exclude = out.jekyll?.exclude ?? [];
  const include = out.jekyll?.include ?? [];
  const rules: JekyllRules | null = jekyllSite ? { defaults: out.jekyll?.defaults ?? [], configFile: config?.file ?? "_config.yml" } : null;
  const context = memo === undefined ? "" : JSON.stringify([out.site, rules, out.jekyll, drafts]);
  out.media = content.media.filter((m) => !isExcluded(m.path, exclude) && !isHiddenFolder(m.path, include));

  const includeNames = new Set((content.includes ?? []).map((f) => f.path));
  const hasInclude = (name: string) => includeNames.has(name);
  const ownLayouts = new Set((content.layouts ?? []).map((f) => f.path.replace(/\.[^./]+$/, "")));
  for (const file of content.files) {
    if (isExcluded(file.path, exclude)) {
      out.skipped.push({ path: file.path, reason: "excluded by exclude: in _config.yml" });
      continue;
    }
    const read = jekyllRules(file, rules, out.jekyll);
    if ("skipped" in read && read.copied) {
      // A collection's file without front matter is copied as it is, whether or not the collection has output.
      out.media.push({ path: file.path, bytes: new TextEncoder().encode(file.text) });
      continue;
    }
    if ("skipped" in read) {
      out.skipped.push({ path: file.path, reason: read.skipped });
      continue;
    }
    // A file of `_drafts/` is there only because local preview asked for drafts.
    if (file.draft === undefined && read.rules?.document?.collection == null && isHiddenFolder(file.path, include)) {
      out.skipped.push({ path: file.path, reason: "in a folder starting with _, which Jekyll publishes only when include: names it" });
      continue;
    }
    if (isSassFile(file.path) && !file.inPosts && splitFrontMatter(file.path, file.text) !== null) {
      out.stylesheets.push(file);
      continue;
    }
    const parse = () => parsePost(file, out.site, read.rules, { drafts });
    const result = memo === undefined ? parse() : memo.parse(file, context, parse);
    if ("skipped" in result && jekyllSite && !file.inPosts && result.skipped === "no front matter") {
      // Jekyll copies a file without front matter as it is (a verification file, a static demo, a README).
      out.media.push({ path: file.path, bytes: new TextEncoder().encode(file.text) });
    } else if ("skipped" in result) out.skipped.push({ path: file.path, reason: result.skipped });
    else if ("problems" in result) out.problems.push(...result.problems);
    else {
      out.warnings.push(...result.warnings);
      sortPage(result.post, jekyllSite, out, hasInclude, ownLayouts, read.rules?.document?.collection != null);
    }
  }
  if (jekyllSite) runLiquid(out, content, config, now);
  return out;
}

/**
 * The rules a file of a Jekyll site is read by: a document of a collection is read as its
 * collection's, a post under `collections_dir` by its path there; a document of a collection without
 * `output: true`, or a post outside `collections_dir`, is not published (Jekyll does not write them).
 */
function jekyllRules(
  file: SourceFile,
  rules: JekyllRules | null,
  jekyll: JekyllConfig | null,
): { rules: JekyllRules | null } | { skipped: string; copied: boolean } {
  if (rules === null || jekyll === null) return { rules };
  const dir = jekyll.collectionsDir;
  if (file.inPosts && dir !== "") {
    if (!file.path.startsWith(`${dir}/`))
      return { skipped: `a post outside collections_dir (${dir}), where Jekyll reads posts from`, copied: false };
    return { rules: { ...rules, document: { relative: file.path.slice(dir.length + 1), collection: null } } };
  }
  const found = collectionOf(file.path, jekyll.collections, dir);
  if (found === null) return { rules };
  if (!found.collection.output) {
    return {
      skipped: `a document of the collection ${found.collection.label}, which has no output: true (data a theme lists, not a page)`,
      copied: splitFrontMatter(file.path, file.text) === null,
    };
  }
  return { rules: { ...rules, document: { relative: found.relative, collection: found.collection } } };
}

function readConfig(content: ContentFiles, jekyll: boolean, overrides: Partial<SiteConfig>, out: Sources): ConfigDocument | null {
  if (!content.config) {
    if (jekyll) out.site = { ...out.site, permalink: DEFAULT_STYLE, ...overrides };
    return null;
  }
  const read = readConfigDocument(content.config.path, content.config.text);
  if ("problems" in read) {
    out.problems.push(...read.problems);
    return null;
  }
  out.warnings.push(...read.ok.warnings);
  const parsed = siteFromConfig(read.ok, jekyll);
  if ("problems" in parsed) out.problems.push(...parsed.problems);
  else {
    const look = lookFromConfig(read.ok);
    // These keys are the built-in theme's; a site drawn by its own theme may give them other meanings.
    if (drawnByBuiltIn(content)) out.warnings.push(...look.warnings);
    const { look: siteLook, nav, headerPages } = look;
    out.site = {
      ...parsed.site,
      ...(siteLook && { look: siteLook }),
      ...(nav && { nav }),
      ...(headerPages && { headerPages }),
      ...overrides,
    };
  }
  return read.ok;
}

/** Whether the built-in templates draw the site: it has no layouts of its own, or they are a copy of the built-in theme's (which read `page.edgepress`). */
function drawnByBuiltIn(content: ContentFiles): boolean {
  const own = [...(content.layouts ?? []), ...(content.includes ?? [])];
  return (content.layouts ?? []).length === 0 || own.some((file) => file.text.includes("edgepress"));
}

/** A page is published, or is the site's 404 page, or is a template left out. `document`: of a collection. */
function sortPage(
  post: Post,
  jekyll: boolean,
  out: Sources,
  hasInclude: (name: string) => boolean,
  ownLayouts: ReadonlySet<string>,
  document: boolean,
): void {
  if (post.layout !== "page") {
    out.posts.push(post);
    return;
  }
  // In our own layout a file that is not Markdown or HTML sits at its own path.
  const page = jekyll || /\.(md|markdown|mdown|mkd|html?)$/i.test(post.source) ? post : { ...post, permalink: `/${post.source}` };
  const template = asTemplate(page, hasInclude, ownLayouts, document);
  // Jekyll writes a script or data file through its Liquid and layouts; so does the publish, unless the engine
  // has its own (a feed, the sitemap, robots.txt). One that lists site.posts (chirpy's search.json) is the theme's data, not a home page.
  const kind = template?.equivalent?.kind;
  if (jekyll && template !== null && (kind === undefined || kind === "home") && !SOURCE_TEXT.test(post.source)) {
    out.textPages.push(post);
    return;
  }
  if (NOT_FOUND_SOURCE.test(post.source) || post.permalink === "/404.html") {
    if (template === null) out.notFound = post;
    else out.templates.push({ ...template, equivalent: null });
  } else if (template !== null) out.templates.push(template);
  else out.posts.push(post);
}

/** Runs the Liquid that posts, pages and stylesheets carry, with the site's variables, includes and data (see post-liquid.ts, stylesheet-liquid.ts). */
function runLiquid(out: Sources, content: ContentFiles, config: ConfigDocument | null, now: number | undefined): void {
  const { postPaths, filePaths } = sitePaths(out.posts, out.media);
  const scope = liquidScope({
    config: config?.data ?? {},
    title: out.site.title,
    description: out.site.description,
    url: "",
    baseurl: "",
    time: now ?? Math.max(0, ...out.posts.map((p) => Date.parse(p.date))),
    timezone: out.site.timezone,
    posts: out.posts,
    data: content.data ?? [],
  });
  const layouts = layoutNames(content);
  const ownTheme = (post: Post) => drawnByOwnTheme(layouts, post);
  const lineNumbers = kramdownLineNumbers(out.config.kramdown);
  // The 404 page's Liquid runs as any page's does (beautiful-jekyll's `{{ 'assets/img/404-southpark.jpg' | relative_url }}`).
  const pages = out.notFound === null ? out.posts : [...out.posts, out.notFound];
  const ran = runPostLiquid({ posts: pages, content, timezone: out.site.timezone, scope, postPaths, filePaths, ownTheme, lineNumbers });
  out.warnings.push(...ran.warnings);
  out.problems.push(...ran.problems);
  const styled = runStylesheetLiquid({
    sheets: out.stylesheets,
    content,
    timezone: out.site.timezone,
    site: scope.site,
    postPaths,
    filePaths,
  });
  out.stylesheets = styled.sheets;
  out.warnings.push(...styled.warnings);
  out.problems.push(...styled.problems);
  const staticPaths = new Set(out.media.map((m) => m.path));
  const texts = renderTextPages({ pages: out.textPages, content, timezone: out.site.timezone, scope, postPaths, filePaths, staticPaths });
  out.media = [...out.media, ...texts.media];
  out.warnings.push(...texts.warnings);
  out.problems.push(...texts.problems);
}
