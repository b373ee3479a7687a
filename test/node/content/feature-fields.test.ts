/** Each feature key read in every shape the themes give it (test/fixtures/theme-shapes/README.md), and what is ignored. */
import { describe, expect, it } from "vitest";
import { readImage, readRelated, readSwitch, readToc } from "../../../src/content/feature-fields.ts";

describe("on/off switches (comments, pin, sticky)", () => {
  it("reads booleans and the words YAML 1.1 reads as booleans", () => {
    expect(readSwitch(true, "comments")).toEqual({ value: true });
    expect(readSwitch(false, "comments")).toEqual({ value: false });
    expect(readSwitch("yes", "comments")).toEqual({ value: true });
    expect(readSwitch("Off", "comments")).toEqual({ value: false });
    expect(readSwitch(undefined, "comments")).toEqual({ value: null });
    expect(readSwitch(null, "comments")).toEqual({ value: null });
  });

  it("ignores anything else, with a warning", () => {
    expect(readSwitch("disqus", "comments")).toEqual({ value: null, warning: 'comments is true or false; "disqus" is ignored' });
    expect(readSwitch({ provider: "giscus" }, "comments").value).toBeNull();
  });
});

describe("toc", () => {
  it("is true, false, a map of where to draw it, or distill's list of sections", () => {
    expect(readToc(true)).toEqual({ value: true });
    expect(readToc(false)).toEqual({ value: false });
    expect(readToc({ sidebar: "left" })).toEqual({ value: true });
    expect(readToc({ sidebar: true })).toEqual({ value: true });
    expect(readToc({ beginning: true })).toEqual({ value: true });
    expect(readToc({ enabled: false })).toEqual({ value: false });
    expect(readToc([{ name: "Equations" }])).toEqual({ value: true });
    expect(readToc([])).toEqual({ value: null });
  });

  it("ignores a value of another kind, with a warning", () => {
    expect(readToc(3)).toEqual({ value: null, warning: "toc is true or false; 3 is ignored" });
  });
});

describe("related posts", () => {
  it("are hidden by minimal-mistakes' related: false or al-folio's related_posts: false", () => {
    expect(readRelated({ related: false })).toEqual({ key: "related", value: false });
    expect(readRelated({ related_posts: false })).toEqual({ key: "related_posts", value: false });
    expect(readRelated({ related: true })).toEqual({ key: "related", value: true });
    expect(readRelated({})).toEqual({ key: "related_posts", value: null });
    // hydejack: the posts it picks, by file or address.
    expect(readRelated({ related_posts: ["_posts/2017-11-23-a.md", "/b/"] })).toEqual({ key: "related_posts", value: true });
  });
});

describe("the post's picture", () => {
  it("is image: as a path or URL", () => {
    expect(readImage({ image: "/images/a.png" }).value).toEqual({ src: "/images/a.png", alt: "" });
    expect(readImage({ image: "https://cdn.example/a.png" }).value).toEqual({ src: "https://cdn.example/a.png", alt: "" });
  });

  it("is image: as a map with path, src or url, and alt", () => {
    expect(readImage({ image: { path: "/a.png", alt: "A", lqip: "data:image/webp;base64,AA" } }).value).toEqual({
      src: "/a.png",
      alt: "A",
    });
    expect(readImage({ image: { src: "/b.png", alt: "B" } }).value).toEqual({ src: "/b.png", alt: "B" });
    expect(readImage({ image: { url: "/c.png" } }).value).toEqual({ src: "/c.png", alt: "" });
    expect(readImage({ image: { path: "/d.png", thumbnail: "/d-th.png", caption: "Photo" } }).value).toEqual({ src: "/d.png", alt: "" });
    expect(readImage({ image: { path: "/e.png", srcset: { "1060w": "/e.png" } } }).value).toEqual({ src: "/e.png", alt: "" });
  });

  it("puts a relative path under chirpy's media_subpath (or img_path), else the site's root", () => {
    expect(readImage({ image: "cover.png", media_subpath: "/posts/2019" }).value?.src).toBe("/posts/2019/cover.png");
    expect(readImage({ image: { path: "cover.png" }, img_path: "/img/x/" }).value?.src).toBe("/img/x/cover.png");
    expect(readImage({ image: "assets/img/9.jpg" }).value?.src).toBe("/assets/img/9.jpg");
  });

  it("is minimal-mistakes' header picture when there is no image:, the one for link previews first", () => {
    const header = { image: "/h.png", overlay_image: "/o.png", og_image: "/og.png", teaser: "/t.png", image_description: "Dusk" };
    expect(readImage({ header })).toEqual({ key: "header", value: { src: "/og.png", alt: "Dusk" } });
    expect(readImage({ header: { overlay_image: "/o.png", overlay_filter: 0.5 } }).value?.src).toBe("/o.png");
    expect(readImage({ header: { teaser: "/t.png" } }).value?.src).toBe("/t.png");
    expect(readImage({ image: "/i.png", header: { image: "/h.png" } }).value?.src).toBe("/i.png");
  });

  it("is none for a header that names no picture (TeXt's header: false, a map of colours)", () => {
    expect(readImage({ header: false })).toEqual({ key: "image", value: null });
    expect(readImage({ header: { theme: "dark" } })).toEqual({ key: "image", value: null });
  });

  it("ignores an image: it cannot use, with a warning", () => {
    expect(readImage({ image: ["/a.png"] }).warning).toBe('image is a path or URL, or a map with path and alt; ["/a.png"] is ignored');
    expect(readImage({ image: { feature: "a.png" } }).value).toBeNull();
  });
});
