/**
 * A page whose own text loops over the site's tags (beautiful-jekyll's tags.html): drawn by the
 * site's own layout with the loop run at publish time, as Jekyll ran it at build time. Without a
 * layout of the site's own it stays a template only Jekyll runs, as before.
 */
import { describe, expect, it } from "vitest";
import { compileSite } from "../../../src/compile/compile-site.ts";
import type { ContentFiles } from "../../../src/content/content-files.ts";
import { drawThemed } from "../helpers/themed-draw.ts";

const TAGS_PAGE = [
  "---",
  "layout: page",
  "title: Tag Index",
  "permalink: /tags/",
  "---",
  "{%- for tag in site.tags -%}",
  "{%- assign name = tag[0] -%}",
  '<h2 id="{{ name }}">{{ name }} ({{ site.tags[name].size }})</h2>',
  "{%- for post in tag[1] %}<a href={{ post.url }}>{{ post.title }}</a>{% endfor -%}",
  "{%- endfor -%}",
  "",
].join("\n");

function site(withLayouts: boolean): ContentFiles {
  return {
    files: [
      { path: "_posts/2020-02-26-flake.md", text: "---\ntitle: Flake\ntags: [books, test]\n---\nOne.\n", inPosts: true },
      { path: "_posts/2020-02-28-sample.md", text: "---\ntitle: Sample\ntags: [test]\n---\nTwo.\n", inPosts: true },
      { path: "_posts/2020-03-01-newer.md", text: "---\ntitle: Newer\ntags: [zed, test]\n---\nThree.\n", inPosts: true },
      { path: "tags.html", text: TAGS_PAGE, inPosts: false },
    ],
    config: { path: "_config.yml", text: "title: Loops\nurl: https://loops.example\n" },
    media: [],
    ...(withLayouts
      ? {
          layouts: [
            { path: "default.html", text: "<html><body>{{ content }}</body></html>" },
            { path: "page.html", text: "---\nlayout: default\n---\n<main><h1>{{ page.title }}</h1>{{ content }}</main>" },
            { path: "post.html", text: "---\nlayout: default\n---\n<article>{{ content }}</article>" },
          ],
        }
      : {}),
    skipped: [],
    problems: [],
  };
}

describe("a page that loops over the site", () => {
  // What jekyll build 4.3.1 writes for this site: the names in the order the oldest post gives them.
  it("is drawn by the site's own layout with the loop run, as Jekyll built it", () => {
    const html = drawThemed(site(true), "/tags/", "https://loops.example");
    expect(html).toBe(
      '<html><body><main><h1>Tag Index</h1><h2 id="books">books (1)</h2><a href=/2020/02/26/flake.html>Flake</a>' +
        '<h2 id="test">test (3)</h2><a href=/2020/03/01/newer.html>Newer</a><a href=/2020/02/28/sample.html>Sample</a>' +
        '<a href=/2020/02/26/flake.html>Flake</a><h2 id="zed">zed (1)</h2><a href=/2020/03/01/newer.html>Newer</a></main></body></html>',
    );
  });

  it("stays a template only Jekyll runs when no layout of the site's own draws it", () => {
    const compiled = compileSite(site(false));
    expect(compiled.problems).toEqual([]);
    expect(compiled.templates.map((t) => t.source)).toEqual(["tags.html"]);
  });
});
