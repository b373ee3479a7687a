/** Pages and parts of pages drawn by the built-in theme read from src/theme/built-in/, as the Worker draws them. */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { BUILT_IN_DIR } from "../../../src/cli/built-in-files.ts";
import type { PostModel } from "../../../src/model/page-models.ts";
import type { PageContext } from "../../../src/render/page-context.ts";
import { type BuiltInInput, notFoundPageInput, postPageInput } from "../../../src/theme/built-in-page.ts";
import { builtInTheme } from "../../../src/theme/built-in-theme.ts";
import { renderThemed } from "../../../src/theme/render-page.ts";
import { readyTheme } from "../../../src/theme/theme-data.ts";

function readFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      files[relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/")] = readFileSync(
        join(entry.parentPath, entry.name),
        "utf8",
      );
  }
  return files;
}

export const BUILT_IN_FILES = readFiles(BUILT_IN_DIR);
export const BUILT_IN = builtInTheme(BUILT_IN_FILES);

export function drawBuiltIn(ctx: PageContext, input: BuiltInInput): string {
  const drawn = renderThemed(readyTheme(BUILT_IN, ctx.site.timezone), { ...input, origin: ctx.origin, timezone: ctx.site.timezone });
  if ("problem" in drawn) throw new Error(`${drawn.problem.file}:${drawn.problem.line}: ${drawn.problem.reason}`);
  return drawn.html;
}

export function renderPostPage(ctx: PageContext, post: PostModel, options: { index?: boolean } = {}): string {
  return drawBuiltIn(ctx, postPageInput(ctx, post, options));
}

export function renderNotFoundPage(ctx: PageContext): string {
  return drawBuiltIn(ctx, notFoundPageInput(ctx));
}

/** One include of a post's page (`comments.html`, `toc.html`) drawn alone, with `post` as article.html sets it. */
export function postInclude(ctx: PageContext, post: PostModel, name: string): string {
  const source = `{% assign post = page.edgepress.post %}{% include ${name} %}`;
  return drawBuiltIn(ctx, {
    ...postPageInput(ctx, post),
    layout: null,
    body: { file: "test.html", line: 1, source, layout: null, data: {} },
  });
}
