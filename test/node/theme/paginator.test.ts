/**
 * jekyll-paginate's `paginator` on each page of the home page, against Jekyll's build of
 * test/fixtures/theme-paginator/ (`_expected/`, written by scripts/jekyll-theme-oracle.ts): `per_page`
 * is the site's `paginate:` on the last page too, which chirpy's home page counts its offset with.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../../src/cli/load-content.ts";
import { drawThemed } from "../helpers/themed-draw.ts";

const FIXTURE = join(import.meta.dirname, "../../fixtures/theme-paginator");
const line = (html: string) => /<p class="paginator">.*<\/p>/.exec(html)?.[0];

describe("the paginator on the home page's pages", async () => {
  const content = await loadContent(FIXTURE);
  for (const [path, expected] of [
    ["/", "page1.html"],
    ["/page/2/", "page2.html"],
  ] as const) {
    it(`is jekyll-paginate's on ${path}`, () => {
      const jekyll = line(readFileSync(join(FIXTURE, "_expected", expected), "utf8"));
      expect(jekyll).toMatch(/2 a page/);
      expect(line(drawThemed(content, path, "https://pages.example"))).toBe(jekyll);
    });
  }
});
