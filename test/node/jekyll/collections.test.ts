/**
 * Jekyll collections besides posts (test/fixtures/jekyll/collections/): where their documents go is
 * checked against Jekyll in addresses.test.ts; here, what they are. A document of a collection with
 * `output: true` is a page (never in the feed or the home page's list); a collection without it is
 * data a theme lists, named as such in the summary, not as a folder Jekyll hides.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../../src/cli/load-content.ts";
import { compileSite } from "../../../src/compile/compile-site.ts";

const DIR = join(import.meta.dirname, "../../fixtures/jekyll/collections");

async function compiled(variant: string) {
  const content = await loadContent(DIR);
  content.config = { path: "_config.yml", text: readFileSync(join(DIR, "_variants", `${variant}.yml`), "utf8") };
  const result = compileSite(content);
  expect(result.problems).toEqual([]);
  return result;
}

describe("Jekyll collections", () => {
  it("publishes the documents of a collection with output: true as pages, outside the feed and the home page", async () => {
    const { build, pages, posts } = await compiled("map");
    expect(posts).toBe(2);
    // about.md and six documents (portfolio 2, recipes 3, tabs 1).
    expect(pages).toBe(7);
    const home = build?.pages.get("/")?.model;
    const feed = build?.pages.get("/feed/")?.model;
    if (home?.kind !== "list" || feed?.kind !== "feed") throw new Error("no home page or feed");
    expect(home.posts.map((p) => p.title).sort()).toEqual(["A post under the collections folder", "First post"]);
    expect(feed.items.map((i) => i.title).sort()).toEqual(["A post under the collections folder", "First post"]);
    const cake = build?.entries.find((p) => p.source === "_recipes/2021-05-06-Dated-Cake.md");
    // Untitled, it is titled after its file name without the date, as Jekyll titles documents.
    expect(cake?.title).toBe("Dated Cake");
  });

  it("leaves a collection without output: true out as data, saying so", async () => {
    const map = await compiled("map");
    expect(map.skipped).toContainEqual({
      path: "_notes/private.md",
      reason: "a document of the collection notes, which has no output: true (data a theme lists, not a page)",
    });
    const list = await compiled("list");
    const reasons = new Map(list.skipped.map((s) => [s.path, s.reason]));
    expect(reasons.get("_recipes/pancakes.md")).toContain("the collection recipes, which has no output: true");
    expect(reasons.get("_tabs/archives.md")).toContain("the collection tabs, which has no output: true");
    expect(list.build?.entries.map((p) => p.source).sort()).toEqual([
      "_posts/2020-01-01-first.md",
      "about.md",
      "coll/_posts/2020-02-02-in-coll.md",
    ]);
  });

  it("reads posts only from collections_dir when the site sets one", async () => {
    const { skipped } = await compiled("dir");
    expect(skipped).toContainEqual({
      path: "_posts/2020-01-01-first.md",
      reason: "a post outside collections_dir (coll), where Jekyll reads posts from",
    });
  });

  it("publishes a document of prose around includes the engine does not run, warning at each one's own line; a loop over posts stays a template", async () => {
    const site = compileSite(await loadContent(join(import.meta.dirname, "../../fixtures/collection-liquid")));
    expect(site.problems).toEqual([]);
    const figures = site.build?.entries.find((p) => p.source === "_projects/figures.md");
    expect(figures?.permalink).toBe("/projects/figures/");
    expect([...site.warnings].sort((a, b) => a.line - b.line).map((w) => `${w.file}:${w.line}`)).toEqual([
      "_projects/figures.md:9",
      "_projects/figures.md:11",
      "_projects/figures.md:15",
    ]);
    expect(site.templates.map((t) => [t.source, t.equivalent?.kind])).toEqual([["_projects/listing.md", "home"]]);
  });
});
