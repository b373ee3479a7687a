/** A themed page of a fixture site as the Worker draws it: compiled as the publish compiles it, drawn with the stored theme. */
import { compileSite } from "../../../src/compile/compile-site.ts";
import type { ContentFiles } from "../../../src/content/content-files.ts";
import { formatWarning } from "../../../src/content/problem.ts";
import { renderThemed } from "../../../src/theme/render-page.ts";
import { readyTheme } from "../../../src/theme/theme-data.ts";
import { listInput, postInput } from "../../../src/theme/themed-input.ts";

const NOW = Date.parse("2026-11-25T12:00:00Z");

export function drawThemed(content: ContentFiles, path: string, origin: string): string {
  const compiled = compileSite(content, {}, NOW);
  const build = compiled.build;
  if (build === null || build.theme === undefined) throw new Error(compiled.problems.map(formatWarning).join("\n"));
  const ready = readyTheme(build.theme, build.site.timezone);
  const page = build.pages.get(path);
  const base = { origin, timezone: build.site.timezone };
  const input =
    page?.model.kind === "post"
      ? postInput(ready, page.model, base)
      : page?.model.kind === "list"
        ? listInput(ready, page.model, base)
        : null;
  if (input === null) throw new Error(`no themed page at ${path}`);
  const drawn = renderThemed(ready, input);
  if ("problem" in drawn) throw new Error(drawn.problem.reason);
  return drawn.html;
}
