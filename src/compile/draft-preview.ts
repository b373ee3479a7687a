/**
 * One draft compiled as it will look once published, for a shared preview: the whole site is
 * compiled with that file made public (its `draft: true`, `published: false` or WordPress `status:`
 * line dropped; a file from `_drafts/` dated today, as `jekyll serve --drafts` dates a draft by its
 * file's time), and the draft's own page is taken out. Nothing else of that compile is kept: the
 * draft appears in no list, feed, sitemap, search index or other post's related posts of the site.
 */
import type { ContentFiles, SourceFile } from "../content/content-files.ts";
import { isJekyllSite } from "../content/jekyll/post-rules.ts";
import type { Problem } from "../content/problem.ts";
import type { PostModel } from "../model/page-models.ts";
import type { SiteConfig } from "../model/site.ts";
import { compileSite } from "./compile-site.ts";

export interface DraftPage {
  /** The file the page was compiled from (a `_drafts/` file under its dated name). */
  source: string;
  permalink: string;
  site: SiteConfig;
  model: PostModel;
}

/** Front matter keys that keep a file unpublished, at the top level of its YAML. */
const UNPUBLISHED_LINE = /^(?:draft|published|status)[ \t]*:.*$/;
const DATED = /^\d{4}-\d{1,2}-\d{1,2}-/;

/** `draft.path` is relative to the content folder; `asOf` is the preview's moment (epoch ms). */
export function compileDraft(content: ContentFiles, draft: SourceFile, asOf: number): { ok: DraftPage } | { problems: Problem[] } {
  const source = publicSource(draft, isJekyllSite(content.files), new Date(asOf).toISOString().slice(0, 10));
  const files = [...content.files.filter((f) => f.path !== draft.path), source];
  const compiled = compileSite({ ...content, files }, {}, asOf);
  // Problems name the file the author has open, not its dated stand-in.
  if (compiled.build === null) return { problems: compiled.problems.map((p) => (p.file === source.path ? { ...p, file: draft.path } : p)) };
  const { build } = compiled;
  const entry = build.entries.find((p) => p.source === source.path);
  if (entry === undefined) {
    const why = compiled.skipped.find((s) => s.path === source.path)?.reason ?? "it is not a post or a page";
    return { problems: [{ file: draft.path, line: 1, reason: `nothing to preview: ${why}` }] };
  }
  // A post dated later is in the build from its date on: the preview shows it as it will be then.
  const page = build.pages.get(entry.permalink) ?? build.later.find((l) => l.pages.has(entry.permalink))?.pages.get(entry.permalink);
  if (page?.model.kind !== "post") return { problems: [{ file: draft.path, line: 1, reason: `nothing to preview at ${entry.permalink}` }] };
  return { ok: { source: source.path, permalink: entry.permalink, site: build.site, model: page.model } };
}

/** The draft as a published file: without the lines that hold it back, and dated if it sits in `_drafts/`. */
export function publicSource(draft: SourceFile, jekyllSite: boolean, today: string): SourceFile {
  const lines = draft.text.split("\n");
  const opens = /^(?:\ufeff)?---[ \t]*\r?$/.test(lines[0] ?? "");
  const closes = opens ? lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)[ \t]*\r?$/.test(line)) : -1;
  // Replaced by blank lines, not removed, so problems still name the line they are on.
  const text =
    closes > 0 ? lines.map((line, i) => (i > 0 && i < closes && UNPUBLISHED_LINE.test(line) ? "" : line)).join("\n") : draft.text;
  const parts = draft.path.split("/");
  const name = parts.pop() ?? draft.path;
  if (!parts.includes("_drafts")) return { ...draft, text };
  const dated = DATED.test(name) ? name : `${today}-${name}`;
  // In a Jekyll site a draft becomes a post of _posts/, where its defaults and rules apply.
  if (jekyllSite) return { path: `_posts/${dated}`, text, inPosts: true };
  // In our own folders `_` folders are never read; a dated file anywhere else is a post.
  return { path: [...parts.filter((p) => p !== "_drafts"), dated].join("/"), text, inPosts: false };
}
