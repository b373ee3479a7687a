/**
 * A post's `page` is its own entry in `site.posts` to `==` and `!=`, as Jekyll compares documents
 * (by identity): a related-posts list built with `post != page` leaves the page out. What Debian's
 * `jekyll build` of test/fixtures/theme-related/ writes for its second post is asserted here.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../../src/cli/load-content.ts";
import { compileSite } from "../../../src/compile/compile-site.ts";
import { formatWarning } from "../../../src/content/problem.ts";
import { renderThemed } from "../../../src/theme/render-page.ts";
import { readyTheme } from "../../../src/theme/theme-data.ts";
import { postInput } from "../../../src/theme/themed-input.ts";

const FIXTURE = join(import.meta.dirname, "../../fixtures/theme-related");

async function draw(path: string): Promise<string> {
  const compiled = compileSite(await loadContent(FIXTURE), {}, Date.parse("2026-11-25T12:00:00Z"));
  const build = compiled.build;
  if (build === null || build.theme === undefined) throw new Error(compiled.problems.map(formatWarning).join("\n"));
  const ready = readyTheme(build.theme, build.site.timezone);
  const page = build.pages.get(path);
  const input = page?.model.kind === "post" ? postInput(ready, page.model, { origin: "https://related.example", timezone: "UTC" }) : null;
  if (input === null) throw new Error(`no themed post at ${path}`);
  const drawn = renderThemed(ready, input);
  if ("problem" in drawn) throw new Error(drawn.problem.reason);
  return drawn.html;
}

describe("a post's page and its entry in site.posts", () => {
  it("are one document to == and !=, and not to contains, as in Jekyll", async () => {
    const html = await draw("/2024/02/note-2/");
    expect(html).toContain('<ul class="related"><li>Note 3</li><li>Note 1</li></ul>');
    expect(html).toContain('<p class="same">Note 2 is this page</p>');
    expect(html).toContain('<p class="listed"> </p>');
  });
});
