/**
 * Gives every HTML page model of a site build the CSP data its page needs (see model/csp.ts): from the
 * post's rendered body, or a list page's excerpts, plus the author's allowances for those posts and
 * the site. Problems in an allowance name the file and line, like any other content problem.
 */
import type { Post } from "../../content/post.ts";
import type { Problem } from "../../content/problem.ts";
import { renderMarkdown } from "../../markdown/marked.ts";
import type { PageCsp } from "../../model/csp.ts";
import type { SiteBuild } from "../site-build.ts";
import { parseAllowance, siteAllowance } from "./allowances.ts";
import { collectCsp, mergeCsp } from "./collect.ts";

export function attachCsp(build: SiteBuild, posts: readonly Post[], config: { path: string; text: string } | null): Problem[] {
  const problems: Problem[] = [];
  const site = siteAllowance(config);
  if ("problems" in site) return site.problems;
  const allowed = new Map<string, PageCsp>();
  for (const post of posts) {
    const own = parseAllowance(post.fields.csp, post.source, post.keyLines.csp ?? 1);
    if ("problems" in own) problems.push(...own.problems);
    else allowed.set(post.permalink, own.ok);
  }
  if (problems.length > 0) return problems;

  for (const [path, page] of build.pages) {
    const model = page.model;
    if (model.kind === "post") {
      const csp = mergeCsp([collectCsp(renderMarkdown(model.body)), site.ok, ...optional(allowed.get(model.permalink))]);
      build.pages.set(path, { ...page, model: { ...model, csp } });
    } else if (model.kind === "list") {
      const own = model.posts.flatMap((p) => optional(allowed.get(p.permalink)));
      const csp = mergeCsp([collectCsp(model.posts.map((p) => p.excerptHtml).join("\n")), site.ok, ...own]);
      build.pages.set(path, { ...page, model: { ...model, csp } });
    }
  }
  return [];
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}
