/** From a loaded content folder to a checked site build, with every problem in every file collected. */
import { parsePost, type SourceFile } from "../content/parse-post.ts";
import type { Post } from "../content/post.ts";
import type { Problem } from "../content/problem.ts";
import { parseSiteConfig } from "../content/site-config.ts";
import { DEFAULT_SITE, type SiteConfig } from "../model/site.ts";
import { attachCsp } from "./csp/attach.ts";
import { buildSite, findConflicts, type SiteBuild } from "./site-build.ts";

/** A content folder as read from disk (or assembled by a test): sources, config, media. */
export interface ContentFiles {
  files: SourceFile[];
  config: { path: string; text: string } | null;
  /** Images and other files served as they are, by path relative to the content folder. */
  media: MediaFile[];
  /** Files deliberately left out (drafts), with why. */
  skipped: Array<{ path: string; reason: string }>;
  /** Problems found while reading (not UTF-8, too large). */
  problems: Problem[];
}

export interface MediaFile {
  path: string;
  bytes: Uint8Array;
}

export interface SiteReading {
  build: SiteBuild | null;
  problems: Problem[];
  posts: number;
  pages: number;
  skipped: Array<{ path: string; reason: string }>;
}

export function readSite(content: ContentFiles, overrides: Partial<SiteConfig> = {}): SiteReading {
  const problems: Problem[] = [...content.problems];
  const skipped = [...content.skipped];
  let site: SiteConfig = { ...DEFAULT_SITE, ...overrides };
  if (content.config) {
    const parsed = parseSiteConfig(content.config.path, content.config.text);
    if ("problems" in parsed) problems.push(...parsed.problems);
    else site = { ...parsed.site, ...overrides };
  }
  const posts: Post[] = [];
  for (const file of content.files) {
    const result = parsePost(file, site);
    if ("post" in result) posts.push(result.post);
    else if ("skipped" in result) skipped.push({ path: file.path, reason: result.skipped });
    else problems.push(...result.problems);
  }
  const counts = { posts: posts.filter((p) => p.layout === "post").length, pages: posts.filter((p) => p.layout === "page").length };
  // Clashes between the files that did parse are reported with the other problems, not after they are fixed.
  if (problems.length > 0)
    return { build: null, problems: sortProblems([...problems, ...findConflicts(posts, content.media)]), skipped, ...counts };
  const built = buildSite(posts, site, content.media);
  if ("problems" in built) return { build: null, problems: built.problems, skipped, ...counts };
  const cspProblems = attachCsp(built.build, posts, content.config);
  if (cspProblems.length > 0) return { build: null, problems: sortProblems(cspProblems), skipped, ...counts };
  return { build: built.build, problems: [], skipped, ...counts };
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
