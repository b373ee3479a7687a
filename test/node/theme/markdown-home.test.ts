/**
 * A home page written in Markdown (minima's `index.md` in `layout: home`) is converted after its
 * Liquid and before its layout, as Jekyll converts any page: against Jekyll's build of
 * test/fixtures/theme-markdown-home/ (`_expected/`, written by scripts/jekyll-theme-oracle.ts). The
 * page is drawn as the Worker draws it, from the conversion the publish kept with the theme.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../../src/cli/load-content.ts";
import { drawThemed } from "../helpers/themed-draw.ts";

const FIXTURE = join(import.meta.dirname, "../../fixtures/theme-markdown-home");
const home = (html: string) => /<div class="home">[\s\S]*?<\/div>/.exec(html)?.[0].replace(/\s+/g, " ") ?? "";

describe("a home page written in Markdown", async () => {
  const content = await loadContent(FIXTURE);

  it("is converted after its Liquid, before its layout", () => {
    const jekyll = home(readFileSync(join(FIXTURE, "_expected", "home.html"), "utf8"));
    expect(jekyll).toContain("<p>Welcome to <em>Markdown Home Fixture</em>");
    expect(home(drawThemed(content, "/", "https://home.example"))).toBe(jekyll);
  });
});
