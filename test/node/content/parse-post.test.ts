/**
 * Front matter as real exports write it: each `test/fixtures/parse/NAME.md` is read as a file in a
 * content folder (site time zone Europe/Lisbon) and compared with `NAME.json`, which holds the
 * expected post fields (a subset), the reason it is skipped, or the problems with their lines.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePost } from "../../../src/content/parse-post.ts";
import { DEFAULT_SITE } from "../../../src/model/site.ts";

const DIR = join(import.meta.dirname, "../../fixtures/parse");
const site = { ...DEFAULT_SITE, timezone: "Europe/Lisbon" };

interface Expected {
  post?: Record<string, unknown>;
  skipped?: string;
  problems?: Array<{ line: number; reasonIncludes: string }>;
}

describe("parsePost fixtures", () => {
  const names = readdirSync(DIR).filter((f) => f.endsWith(".md"));
  it("has fixtures", () => expect(names.length).toBeGreaterThan(5));
  for (const name of names) {
    it(name, () => {
      const text = readFileSync(join(DIR, name), "utf8");
      const expected = JSON.parse(readFileSync(join(DIR, name.replace(/\.md$/, ".json")), "utf8")) as Expected;
      const result = parsePost({ path: name, text, inPosts: false }, site);
      if (expected.post) {
        expect(result).toHaveProperty("post");
        if ("post" in result) expect(result.post).toMatchObject(expected.post);
      } else if (expected.skipped) {
        expect(result).toEqual({ skipped: expected.skipped });
      } else {
        expect(result).toHaveProperty("problems");
        const problems = "problems" in result ? result.problems : [];
        expect(problems.map((p) => ({ file: p.file, line: p.line }))).toEqual(
          expected.problems?.map((p) => ({ file: name, line: p.line })),
        );
        for (const [i, p] of problems.entries()) expect(p.reason).toContain(expected.problems?.[i]?.reasonIncludes);
      }
    });
  }
});

describe("front matter edge cases", () => {
  it("treats a file under _posts without front matter as an error, elsewhere as skipped", () => {
    expect(parsePost({ path: "_posts/2020-01-01-x.md", text: "just text", inPosts: true }, site)).toEqual({
      problems: [{ file: "_posts/2020-01-01-x.md", line: 1, reason: "no front matter (a post must start with ---)" }],
    });
    expect(parsePost({ path: "README.md", text: "# Readme", inPosts: false }, site)).toEqual({ skipped: "no front matter" });
  });

  it("accepts Windows line endings and a byte-order mark", () => {
    const result = parsePost(
      { path: "2020-01-01-crlf.md", text: "\ufeff---\r\ntitle: CRLF\r\ndate: 2020-01-01\r\n---\r\nBody\r\n", inPosts: false },
      site,
    );
    expect(result).toMatchObject({ post: { title: "CRLF", permalink: "/2020/01/crlf/" } });
  });

  it("reads Jekyll's space-separated category string and a single category key", () => {
    const result = parsePost({ path: "2020-01-01-x.md", text: "---\ntitle: X\ncategories: news tech\n---\n", inPosts: false }, site);
    expect(result).toMatchObject({ post: { categories: ["news", "tech"] } });
    const single = parsePost({ path: "2020-01-01-y.md", text: "---\ntitle: Y\ncategory: Big News\n---\n", inPosts: false }, site);
    expect(single).toMatchObject({ post: { categories: ["Big News"] } });
  });

  it("reads a repeated key as Jekyll does (the last value wins) and warns at its line", () => {
    const result = parsePost({ path: "dup.md", text: "---\ntitle: A\ntitle: B\n---\n", inPosts: false }, site);
    expect(result).toMatchObject({ post: { title: "B" } });
    expect("post" in result && result.warnings).toEqual([
      { file: "dup.md", line: 3, reason: "key title is given twice; the last value is used, as Jekyll does" },
    ]);
  });
});
