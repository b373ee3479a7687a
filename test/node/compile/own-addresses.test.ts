/**
 * A Jekyll page at an address the engine answers itself (search, a feed) is the author's page when it
 * is prose: it is published there and the engine's page moves aside. An empty page a theme's search
 * layout filled is still a template left out, answered by the engine's search.
 */
import { describe, expect, it } from "vitest";
import { compileSite } from "../../../src/compile/compile-site.ts";
import type { ContentFiles } from "../../../src/content/content-files.ts";
import { formatProblem } from "../../../src/content/problem.ts";

function site(files: Record<string, string>): ContentFiles {
  return {
    files: Object.entries(files).map(([path, text]) => ({ path, text, inPosts: path.startsWith("_posts/") })),
    config: { path: "_config.yml", text: "title: T\n" },
    media: [],
    skipped: [],
    problems: [],
  };
}
const POST = { "_posts/2020-01-01-hello.md": "---\ntitle: Hello\n---\nA post.\n" };

describe("a Jekyll page at the engine's own address", () => {
  it("publishes a page of prose at /search/ and /feed/, warning where the engine's pages went", () => {
    const compiled = compileSite(
      site({
        ...POST,
        "search.md": "---\ntitle: How to search\npermalink: /search/\n---\nUse the box at the top.\n",
        "feed.md": "---\ntitle: Feeds\npermalink: /feed/\n---\nWe have feeds.\n",
      }),
    );
    expect(compiled.problems).toEqual([]);
    expect(compiled.templates).toEqual([]);
    expect(compiled.build?.entries.map((p) => p.permalink).sort()).toEqual(["/2020/01/01/hello.html", "/feed/", "/search/"]);
    expect(compiled.build?.pages.get("/index.php/feed/")?.view).toBe("rss");
    expect(compiled.build?.site.moved).toEqual({ "/feed/": "/index.php/feed/" });
    expect(compiled.warnings.map(formatProblem)).toEqual([
      "feed.md:3: /feed/ is this file's address, as on the old site; the site's feed moves to /index.php/feed/",
      "search.md:3: /search/ is this file's address, as on the old site; the blog's search answers at /?s=, where its search form sends",
    ]);
  });

  it("still leaves out an empty page a theme's search layout fills", () => {
    const compiled = compileSite(site({ ...POST, "search.md": "---\nlayout: search\npermalink: /search/\n---\n" }));
    expect(compiled.templates.map((t) => `${t.source} ${t.equivalent?.kind}`)).toEqual(["search.md search"]);
    expect(compiled.warnings).toEqual([]);
  });
});
