/**
 * What a layout drawn by the Worker looks up that only the publish knows, stored with the theme:
 * `{% post_url %}`'s and `{% link %}`'s addresses, the files `{% include_relative %}` reads beside
 * each page (Jekyll resolves it against the page's own folder, even from a layout), and `markdownify`'s
 * HTML for each text the layouts gave it and `{% highlight %}`'s tokens for each code block they hold
 * (compile-site.ts fills those in while drawing every page: the Worker has no Markdown or highlighter).
 * Only what the templates use is stored, so a theme without these tags stores nothing more.
 */

import type { ContentFiles, MediaFile } from "../content/content-files.ts";
import { type Post, templateUrl } from "../content/post.ts";
import type { ThemeLookups } from "../model/theme.ts";
import { isMarkdownTemplate } from "../theme/render-page.ts";
import type { ThemeTemplates } from "./theme-templates.ts";

/** URLs (templateUrl) of posts by `_posts/` name (with and without their folder), and of files by path. */
export interface SitePaths {
  postPaths: Map<string, string>;
  filePaths: Map<string, string>;
}

export function sitePaths(posts: readonly Post[], media: readonly MediaFile[]): SitePaths {
  const postPaths = new Map<string, string>();
  const filePaths = new Map<string, string>();
  for (const post of posts) {
    // Jekyll's answer is the document's url, which may lack the `.html` its file is served with.
    const url = templateUrl(post);
    filePaths.set(post.source, url);
    const inPosts = /(?:^|\/)_posts\/(.+)\.[^./]+$/.exec(post.source)?.[1];
    if (inPosts !== undefined) {
      postPaths.set(inPosts, url);
      postPaths.set(inPosts.split("/").pop() ?? inPosts, url);
    }
  }
  for (const file of media) filePaths.set(file.path, `/${file.path}`);
  return { postPaths, filePaths };
}

const RELATIVE = /\{%-?\s*include_relative\s+([\w/.\-()+~#@]+)/g;

export function themeLookups(templates: ThemeTemplates, content: ContentFiles, posts: readonly Post[], paths: SitePaths): ThemeLookups {
  const sources = [
    ...Object.values(templates.layouts).map((l) => l.source),
    ...Object.values(templates.includes),
    templates.home?.source ?? "",
  ].join("\n");
  const lookups: ThemeLookups = {};
  if (/\{%-?\s*post_url\s/.test(sources)) lookups.postUrls = Object.fromEntries(paths.postPaths);
  if (/\{%-?\s*link\s/.test(sources)) lookups.links = Object.fromEntries(paths.filePaths);
  const names = new Set([...sources.matchAll(RELATIVE)].map((m) => m[1] ?? ""));
  if (names.size > 0) {
    const texts = new Map(content.files.map((f) => [f.path, f.text]));
    const folders = new Set(posts.map((p) => (p.source.includes("/") ? p.source.slice(0, p.source.lastIndexOf("/") + 1) : "")));
    const files: Record<string, string> = {};
    for (const folder of folders) {
      for (const name of names) {
        const text = texts.get(`${folder}${name}`);
        if (text !== undefined) files[`${folder}${name}`] = text;
      }
    }
    lookups.files = files;
  }
  // A Markdown home page is converted through markdownify after its Liquid (theme/render-page.ts).
  if (/\|\s*markdownify\b/.test(sources) || isMarkdownTemplate(templates.home)) lookups.markdown = {};
  if (/\{%-?\s*highlight\s/.test(sources)) lookups.highlight = {};
  return lookups;
}
