/** The site's 404 page: its Liquid runs as any page's does, before it becomes the body of the 404 answer. */
import { describe, expect, it } from "vitest";
import { compileSite } from "../../../src/compile/compile-site.ts";
import type { ContentFiles } from "../../../src/content/content-files.ts";

function site(path: string, text: string): ContentFiles {
  return {
    files: [
      { path: "_posts/2020-02-26-one.md", text: "---\ntitle: One\n---\nOne.\n", inPosts: true },
      { path, text, inPosts: false },
    ],
    config: { path: "_config.yml", text: "title: Lost & Found\n" },
    media: [],
    skipped: [],
    problems: [],
  };
}

describe("the 404 page", () => {
  it("runs a 404.html's Liquid (beautiful-jekyll's image through relative_url)", () => {
    const html = [
      "---",
      "layout: default",
      "permalink: /404.html",
      "---",
      "<h1>{{ site.title }}</h1>",
      '<img src="{{ \'assets/img/404.jpg\' | relative_url }}" alt="Not found" />',
    ].join("\n");
    const compiled = compileSite(site("404.html", html));
    expect(compiled.problems).toEqual([]);
    expect(compiled.build?.site.notFoundHtml).toBe('<h1>Lost & Found</h1>\n<img src="/assets/img/404.jpg" alt="Not found" />');
  });

  it("runs a 404.md's Liquid before its Markdown (jekyll-now's links to {{ site.baseurl }}/)", () => {
    const compiled = compileSite(site("404.md", "---\nlayout: page\n---\n[Home]({{ site.baseurl }}/)\n"));
    expect(compiled.build?.site.notFoundHtml).toBe('<p><a href="/">Home</a></p>');
  });
});
