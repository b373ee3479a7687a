/**
 * One engine draws many pages (the Worker keeps one per theme and address, the publish one for all
 * pages): each layout and include is parsed the first time a page needs it, never again.
 */
import { join } from "node:path";
import { Liquid } from "liquidjs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadContent } from "../../../src/cli/load-content.ts";
import { compileSite } from "../../../src/compile/compile-site.ts";
import { formatWarning } from "../../../src/content/problem.ts";
import { renderThemed, themeRenderer } from "../../../src/theme/render-page.ts";
import { readyTheme } from "../../../src/theme/theme-data.ts";
import { postInput } from "../../../src/theme/themed-input.ts";

const FIXTURE = join(import.meta.dirname, "../../fixtures/theme-related");
const base = { origin: "https://related.example", timezone: "UTC" };

afterEach(() => vi.restoreAllMocks());

describe("a theme's engine", () => {
  it("parses each layout and include once for all the pages it draws", async () => {
    const build = compileSite(await loadContent(FIXTURE), {}, Date.parse("2026-11-25T12:00:00Z")).build;
    if (build === null || build.theme === undefined) throw new Error("the fixture does not build");
    const ready = readyTheme(build.theme, build.site.timezone);
    const parse = vi.spyOn(Liquid.prototype, "parse");
    const renderer = themeRenderer(ready, base.origin, base.timezone);
    const draw = (path: string) => {
      const page = build.pages.get(path);
      const input = page?.model.kind === "post" ? postInput(ready, page.model, base) : null;
      if (input === null) throw new Error(`no themed post at ${path}`);
      const drawn = renderThemed(ready, input, renderer);
      if ("problem" in drawn) throw new Error(formatWarning(drawn.problem));
      return drawn.html;
    };
    expect(draw("/2024/01/note-1/")).toContain('<p class="byline">Pat on 10 Jan 2024</p>');
    // post.html, default.html and byline.html.
    expect(parse).toHaveBeenCalledTimes(3);
    expect(draw("/2024/02/note-2/")).toContain('<p class="byline">Pat on 10 Feb 2024</p>\n<h1>Note 2</h1>');
    expect(draw("/2024/03/note-3/")).toContain("<h1>Note 3</h1>");
    expect(parse).toHaveBeenCalledTimes(3);
  });
});
