/** From a loaded content folder to a checked site build, with every problem in every file collected. */
import { buildSite, type SiteBuild } from "../build/site-build.ts";
import { parsePost } from "../content/parse-post.ts";
import type { Post } from "../content/post.ts";
import type { Problem } from "../content/problem.ts";
import { parseSiteConfig } from "../content/site-config.ts";
import { DEFAULT_SITE, type SiteConfig } from "../model/site.ts";
import type { LoadedContent } from "./load-content.ts";

export interface SiteReading {
  build: SiteBuild | null;
  problems: Problem[];
  posts: number;
  pages: number;
  skipped: Array<{ path: string; reason: string }>;
}

export function readSite(content: LoadedContent, overrides: Partial<SiteConfig> = {}): SiteReading {
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
  if (problems.length > 0) return { build: null, problems: sortProblems(problems), skipped, ...counts };
  const built = buildSite(posts, site);
  if ("problems" in built) return { build: null, problems: built.problems, skipped, ...counts };
  return { build: built.build, problems: [], skipped, ...counts };
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
