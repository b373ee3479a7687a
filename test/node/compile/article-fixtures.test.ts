/**
 * A post's page beyond its body, Markdown in, HTML out: each `test/fixtures/article/NAME.md` (a whole
 * post, front matter included) is published alone and its table of contents and body, as the post's
 * page shows them, must equal `NAME.html`. Regenerate with `UPDATE_FIXTURES=1` and review the diff.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileSite } from "../../../src/compile/compile-site.ts";
import { DEFAULT_SITE } from "../../../src/model/site.ts";
import { postInclude } from "../helpers/built-in.ts";

const DIR = join(import.meta.dirname, "../../fixtures/article");

function pageParts(source: string): string {
  const reading = compileSite({
    files: [{ path: "posts/2026-01-02-fixture.md", text: source, inPosts: false }],
    config: null,
    media: [],
    skipped: [],
    problems: [],
  });
  const page = reading.build?.pages.get("/2026/01/fixture/");
  if (page?.model.kind !== "post") throw new Error(reading.problems.map((p) => p.reason).join("\n") || "no post page");
  const toc = postInclude({ site: DEFAULT_SITE, origin: "https://blog.example", path: page.model.permalink }, page.model, "toc.html");
  return `${toc}\n${page.model.html}`;
}

describe("article fixtures", () => {
  const names = readdirSync(DIR).filter((f) => f.endsWith(".md"));
  it("has fixtures", () => expect(names.length).toBeGreaterThan(2));
  for (const name of names) {
    it(name, () => {
      const html = pageParts(readFileSync(join(DIR, name), "utf8"));
      const expectedPath = join(DIR, name.replace(/\.md$/, ".html"));
      if (process.env.UPDATE_FIXTURES) writeFileSync(expectedPath, html);
      expect(html).toBe(readFileSync(expectedPath, "utf8"));
    });
  }
});
