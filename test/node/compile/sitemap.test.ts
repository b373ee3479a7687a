import { describe, expect, it } from "vitest";
import { sitemapPages } from "../../../src/compile/sitemap.ts";
import type { BuiltPage } from "../../../src/compile/types.ts";

const post = (path: string, date: string): [string, BuiltPage] => [
  path,
  {
    view: "post",
    model: {
      kind: "post",
      layout: "post",
      id: null,
      title: path,
      permalink: path,
      date,
      updated: null,
      author: "",
      categories: [],
      tags: [],
      description: "",
      html: "",
      prev: null,
      next: null,
    },
  },
];

describe("sitemap", () => {
  const pages = new Map([
    post("/c/", "2020-01-03T00:00:00.000Z"),
    post("/a/", "2020-01-01T00:00:00.000Z"),
    post("/b/", "2020-01-02T00:00:00.000Z"),
  ]);

  it("lists every page with its date, in path order", () => {
    expect(sitemapPages(pages)).toEqual([
      [
        "/sitemap.xml",
        {
          kind: "sitemap",
          index: false,
          urls: [
            ["/a/", "2020-01-01T00:00:00.000Z"],
            ["/b/", "2020-01-02T00:00:00.000Z"],
            ["/c/", "2020-01-03T00:00:00.000Z"],
          ],
        },
      ],
    ]);
  });

  it("becomes an index of smaller sitemaps past the limit", () => {
    const files = sitemapPages(pages, 2);
    expect(files.map(([path]) => path)).toEqual(["/sitemap.xml", "/sitemap-1.xml", "/sitemap-2.xml"]);
    expect(files[0]?.[1]).toEqual({
      kind: "sitemap",
      index: true,
      urls: [
        ["/sitemap-1.xml", "2020-01-02T00:00:00.000Z"],
        ["/sitemap-2.xml", "2020-01-03T00:00:00.000Z"],
      ],
    });
  });
});
