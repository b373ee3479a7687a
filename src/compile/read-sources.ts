/**
 * From a content folder's files to what a site is made of: its settings, the posts and pages to
 * publish, the Liquid templates left out, the site's own 404 page, and what was skipped and why.
 * A Jekyll site (it has `_posts/`) is read by Jekyll's rules; our own `content/` layout by ours.
 */
import type { ContentFiles, MediaFile, SourceFile } from "../content/content-files.ts";
import { collectionOf } from "../content/jekyll/collections.ts";
import { isExcluded, isHiddenFolder, type JekyllConfig, readJekyllConfig } from "../content/jekyll/jekyll-config.ts";
import { runLiquid } from "../content/jekyll/liquid.ts";
import { isJekyllSite, type JekyllRules } from "../content/jekyll/post-rules.ts";
import { asTemplate, type Template } from "../content/jekyll/templates.ts";
import { DEFAULT_STYLE } from "../content/jekyll/url-template.ts";
import { parsePost } from "../content/parse-post.ts";
import type { Post } from "../content/post.ts";
import type { Problem } from "../content/problem.ts";
import { type ConfigDocument, readConfigDocument, siteFromConfig } from "../content/site-config.ts";
import { DEFAULT_SITE, type SiteConfig } from "../model/site.ts";
import type { LocalPreview } from "./compile-memo.ts";

export interface Sources {
  site: SiteConfig;
  /** Jekyll's settings when the folder is a Jekyll site, else null. */
  jekyll: JekyllConfig | null;
  posts: Post[];
  media: MediaFile[];
  templates: Template[];
  /** A plain page the site had for missing addresses (`404.html`, `404.md`): its text becomes our 404 page's. */
  notFound: Post | null;
  skipped: Array<{ path: string; reason: string }>;
  problems: Problem[];
  warnings: Problem[];
}

const NOT_FOUND_SOURCE = /^404\.(md|markdown|html?)$/i;

export function readSources(content: ContentFiles, overrides: Partial<SiteConfig> = {}, preview: LocalPreview = {}): Sources {
  const { memo, drafts = false } = preview;
  const jekyllSite = isJekyllSite(content.files);
  const out: Sources = {
    site: { ...DEFAULT_SITE, ...overrides },
    jekyll: null,
    posts: [],
    media: content.media,
    templates: [],
    notFound: null,
    skipped: [...content.skipped],
    problems: [...content.problems],
    warnings: [],
  };
  const config = readConfig(content, jekyllSite, overrides, out);
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

  for (const file of content.files) {
    if (isExcluded(file.path, exclude)) {
      out.skipped.push({ path: file.path, reason: "excluded by exclude: in _config.yml" });
      continue;
    }
    const read = jekyllRules(file, rules, out.jekyll);
    if ("skipped" in read) {
      out.skipped.push({ path: file.path, reason: read.skipped });
      continue;
    }
    // A file of `_drafts/` is there only because local preview asked for drafts.
    if (file.draft === undefined && read.rules?.document?.collection == null && isHiddenFolder(file.path, include)) {
      out.skipped.push({ path: file.path, reason: "in a folder starting with _, which Jekyll publishes only when include: names it" });
      continue;
    }
    const parse = () => parsePost(file, out.site, read.rules, { drafts });
    const result = memo === undefined ? parse() : memo.parse(file, context, parse);
    if ("skipped" in result && jekyllSite && !file.inPosts && /\.html?$/i.test(file.path) && result.skipped === "no front matter") {
      // Jekyll copies an HTML file without front matter as it is (a verification file, a static demo).
      out.media.push({ path: file.path, bytes: new TextEncoder().encode(file.text) });
    } else if ("skipped" in result) out.skipped.push({ path: file.path, reason: result.skipped });
    else if ("problems" in result) out.problems.push(...result.problems);
    else {
      out.warnings.push(...result.warnings);
      sortPage(result.post, jekyllSite, out, read.rules?.document?.collection != null);
    }
  }
  if (jekyllSite) runPostLiquid(out);
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
): { rules: JekyllRules | null } | { skipped: string } {
  if (rules === null || jekyll === null) return { rules };
  const dir = jekyll.collectionsDir;
  if (file.inPosts && dir !== "") {
    if (!file.path.startsWith(`${dir}/`)) return { skipped: `a post outside collections_dir (${dir}), where Jekyll reads posts from` };
    return { rules: { ...rules, document: { relative: file.path.slice(dir.length + 1), collection: null } } };
  }
  const found = collectionOf(file.path, jekyll.collections, dir);
  if (found === null) return { rules };
  if (!found.collection.output) {
    return {
      skipped: `a document of the collection ${found.collection.label}, which has no output: true (data a theme lists, not a page)`,
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
  else out.site = { ...parsed.site, ...overrides };
  return read.ok;
}

/** A page is published, or is the site's 404 page, or is a template left out. `document`: of a collection. */
function sortPage(post: Post, jekyll: boolean, out: Sources, document: boolean): void {
  if (post.layout !== "page") {
    out.posts.push(post);
    return;
  }
  // In our own layout a file that is not Markdown or HTML sits at its own path.
  const page = jekyll || /\.(md|markdown|mdown|mkd|html?)$/i.test(post.source) ? post : { ...post, permalink: `/${post.source}` };
  const template = asTemplate(page, document);
  if (NOT_FOUND_SOURCE.test(post.source) || post.permalink === "/404.html") {
    if (template === null) out.notFound = post;
    else out.templates.push({ ...template, equivalent: null });
  } else if (template !== null) out.templates.push(template);
  else out.posts.push(post);
}

/** Runs the Liquid that posts and pages carry (links to other posts, code blocks); warns about what is left as written. */
function runPostLiquid(out: Sources): void {
  const byName = new Map<string, string>();
  const bySource = new Map<string, string>();
  for (const post of out.posts) {
    bySource.set(post.source, post.permalink);
    const inPosts = /(?:^|\/)_posts\/(.+)\.[^./]+$/.exec(post.source)?.[1];
    if (inPosts !== undefined) {
      byName.set(inPosts, post.permalink);
      byName.set(inPosts.split("/").pop() ?? inPosts, post.permalink);
    }
  }
  for (const media of out.media) bySource.set(media.path, `/${media.path}`);
  const values = { "site.title": out.site.title, "site.description": out.site.description, "site.author": out.site.author };
  for (const post of out.posts) {
    if (!post.body.includes("{")) continue;
    const result = runLiquid(post.body, {
      post: (name) => byName.get(name.replace(/^\/+/, "")) ?? null,
      file: (path) => bySource.get(path) ?? null,
      values: { ...values, "page.title": post.title },
    });
    post.body = result.text;
    // `{% include toc %}` asks for the contents the way `toc: true` does; a `toc:` of the post's own stays.
    if (result.toc && (post.fields.toc === undefined || post.fields.toc === null)) post.fields.toc = true;
    for (const { line, construct } of result.unsupported) {
      out.warnings.push({
        file: post.source,
        line: (post.bodyLine ?? 1) + line - 1,
        reason: `Liquid ${construct.slice(0, 80)} is not run; it is shown as written`,
      });
    }
  }
}
