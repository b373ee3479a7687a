/**
 * What a publish does with front matter values: `comments:` as a switch or as imported comments, a
 * value the engine cannot use left out with a warning at the line that holds it (a `_config.yml`
 * default's line when it came from there), and data files holding only comments.
 */
import { describe, expect, it } from "vitest";
import { compileSite } from "../../../src/compile/compile-site.ts";
import type { ContentFiles } from "../../../src/content/content-files.ts";

const POST = "_posts/2024-05-01-hello.md";

function jekyllSite(frontMatter: string, config = "title: T\n", data: ContentFiles["data"] = []): ContentFiles {
  return {
    files: [{ path: POST, text: `---\ntitle: Hello\n${frontMatter}\n---\nText.\n`, inPosts: true }],
    config: { path: "_config.yml", text: config },
    data,
    media: [],
    skipped: [],
    problems: [],
  };
}

function postModel(content: ContentFiles) {
  const site = compileSite(content);
  const page = site.build?.pages.get("/2024/05/01/hello.html")?.model;
  if (page?.kind !== "post") throw new Error(`no post page: ${JSON.stringify(site.problems)}`);
  return { site, page };
}

const IMPORTED = `comments:
  - id: 7
    author: Reader
    date: 2024-05-02 10:00:00
    content: Nice post.`;

describe("comments:", () => {
  it("a list is imported comments, shown under the post", () => {
    const { page } = postModel(jekyllSite(IMPORTED));
    expect(page.comments?.map((c) => c.author)).toEqual(["Reader"]);
  });

  it("false turns the comments section off, imported comments included", () => {
    const { site, page } = postModel(jekyllSite(`${IMPORTED}\ncomments: false`));
    expect(page.comments).toBeUndefined();
    expect(site.problems).toEqual([]);
  });

  it("true, in the post or from defaults:, is the theme's switch: no refusal and nothing to show", () => {
    const defaults = "title: T\ndefaults:\n  - scope: {path: ''}\n    values: {comments: true, share: true, related: true}\n";
    for (const content of [jekyllSite("comments: true"), jekyllSite("", defaults)]) {
      const { site, page } = postModel(content);
      expect(site.problems).toEqual([]);
      expect(site.warnings).toEqual([]);
      expect(page.comments).toBeUndefined();
    }
  });
});

describe("a value the engine cannot use", () => {
  it("is left out with a warning at the line of _config.yml that gives it, and the publish goes on", () => {
    const config = [
      "title: T",
      "defaults:",
      "  - scope:",
      "      path: ''",
      "    values:",
      "      layout: single",
      "      comments: disqus",
      "      toc: sometimes",
    ].join("\n");
    const { site } = postModel(jekyllSite("", config));
    expect(site.problems).toEqual([]);
    expect(site.warnings).toEqual([
      { file: "_config.yml", line: 8, reason: 'toc is true or false; "sometimes" is ignored' },
      { file: "_config.yml", line: 7, reason: 'comments is true or false; "disqus" is ignored (a list is imported comments)' },
    ]);
  });

  it("that the post writes itself is warned about at the post's own line", () => {
    const frontMatter = [
      "tags: [ok, {bad: 1}]",
      "redirect_from: [/old/, 42]",
      "last_modified_at: soon",
      "author: {avatar: /me.png}",
      "excerpt: {text: no}",
      "comments: {provider: giscus}",
    ].join("\n");
    const { site, page } = postModel(jekyllSite(frontMatter));
    expect(site.problems).toEqual([]);
    expect(site.warnings.map((w) => `${w.file}:${w.line}`).sort()).toEqual([3, 4, 5, 6, 7, 8].map((line) => `${POST}:${line}`));
    expect(page.tags).toEqual(["ok"]);
    expect(page.updated).toBeNull();
    expect(site.build?.redirects.get("/old/")).toBe("/2024/05/01/hello.html");
  });

  it("stays a problem where Jekyll refuses it too (a date that is no date), at the default's line", () => {
    const config = "title: T\ndefaults:\n  - scope: {path: ''}\n    values:\n      date: someday\n";
    expect(compileSite(jekyllSite("", config)).problems).toEqual([
      { file: "_config.yml", line: 5, reason: 'unparseable date "someday" (expected YYYY-MM-DD, optionally with time and zone)' },
    ]);
  });
});

describe("data files", () => {
  it("an authors.yml holding only comments (a new chirpy site's) is empty data", () => {
    const data = [{ path: "_data/authors.yml", text: "# {author_id}:\n#   name: {full name}\n" }];
    const site = compileSite(jekyllSite("author: cotes", "title: T\n", data));
    expect(site.problems).toEqual([]);
  });

  it("an author naming a key of authors.yml is shown by that entry's name", () => {
    const data = [{ path: "_data/authors.yml", text: "cotes:\n  name: Cotes Chung\n  twitter: cotes\n" }];
    expect(postModel(jekyllSite("author: cotes", "title: T\n", data)).page.author).toBe("Cotes Chung");
    expect(postModel(jekyllSite("authors: [cotes, sille]", "title: T\n", data)).page.author).toBe("Cotes Chung");
  });
});
