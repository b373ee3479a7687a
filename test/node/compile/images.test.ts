import { describe, expect, it } from "vitest";
import { compileSite } from "../../../src/compile/compile-site.ts";
import { imageSizes } from "../../../src/compile/images/image-sizes.ts";
import { postImage } from "../../../src/compile/images/post-image.ts";
import { sizeImages } from "../../../src/compile/images/sized-images.ts";
import type { ContentFiles } from "../../../src/content/content-files.ts";

/** The first 24 bytes of a PNG: signature, then the IHDR chunk with its width and height. */
function png(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  return bytes;
}
const svg = (attrs: string) => new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg" ${attrs}></svg>`);

const media = [
  { path: "images/photo.png", bytes: png(1600, 900) },
  { path: "wp-content/uploads/2014/05/café.png", bytes: png(300, 200) },
  { path: "images/flow.svg", bytes: svg('viewBox="0 0 640 160"') },
  { path: "images/broken.png", bytes: new Uint8Array([1, 2, 3]) },
];
const sizes = imageSizes(media, "https://blog.example");

describe("image sizes", () => {
  it("adds width and height to the site's own images: root-relative, relative to the post, or absolute to the site", () => {
    const html = [
      '<p><img src="/images/photo.png" alt="A photo"></p>',
      '<img alt="" src="flow.svg">',
      '<img src="http://www.blog.example/wp-content/uploads/2014/05/caf%C3%A9.png" />',
    ].join("\n");
    expect(sizeImages(html, "/images/", sizes)).toBe(
      [
        '<p><img width="1600" height="900" src="/images/photo.png" alt="A photo"></p>',
        '<img width="640" height="160" alt="" src="flow.svg">',
        '<img width="300" height="200" src="http://www.blog.example/wp-content/uploads/2014/05/caf%C3%A9.png" />',
      ].join("\n"),
    );
  });

  it("completes a size given on one side only, keeping the aspect ratio", () => {
    expect(sizeImages('<img src="/images/photo.png" width="800">', "/", sizes)).toBe(
      '<img height="450" src="/images/photo.png" width="800">',
    );
    expect(sizeImages('<img src="/images/photo.png" height="90">', "/", sizes)).toBe(
      '<img width="160" src="/images/photo.png" height="90">',
    );
  });

  it("leaves other hosts, unknown or unreadable files, images with both sizes, and images shown as code alone", () => {
    const untouched = [
      '<img src="https://elsewhere.example/images/photo.png">',
      '<img src="/images/missing.png">',
      '<img src="/images/broken.png">',
      '<img src="/images/photo.png" width="10" height="10">',
      '<img src="/images/photo.png" width="100%">',
      '<pre><code><img src="/images/photo.png"></code></pre>',
      '<img src="data:image/png;base64,AAAA">',
    ].join("\n");
    expect(sizeImages(untouched, "/", sizes)).toBe(untouched);
  });
});

describe("image sizes and the theme that draws the post", () => {
  const site = (layouts?: ContentFiles["layouts"]): ContentFiles => ({
    files: [{ path: "_posts/2026-01-02-x.md", text: "---\ntitle: X\nlayout: post\n---\n![Photo](/images/photo.png)\n", inPosts: true }],
    config: null,
    media,
    ...(layouts === undefined ? {} : { layouts }),
    skipped: [],
    problems: [],
  });
  const body = (content: ContentFiles) => {
    const page = compileSite(content).build?.pages.get("/2026/01/02/x.html");
    return page?.model.kind === "post" ? page.model.html : null;
  };

  it("sizes the images of a post the built-in theme draws, whose stylesheet keeps their ratio", () => {
    expect(body(site())).toContain('<img width="1600" height="900" src="/images/photo.png" alt="Photo">');
  });

  it("leaves them as Jekyll writes them when the site's own layout draws the post, whose stylesheet may lack height:auto", () => {
    const own = body(site([{ path: "post.html", text: "<main>{{ content }}</main>" }]));
    expect(own).toContain('<img src="/images/photo.png" alt="Photo"');
    expect(own).not.toMatch(/width=|height=/);
  });
});

describe("the post's picture", () => {
  it("is the front matter's image, else the first picture that is not a smiley", () => {
    const html = '<p><img class="wp-smiley" src="/s.gif" alt=":)"> <img src="/images/photo.png" alt="A photo"></p><img src="/b.png">';
    expect(postImage(null, html, "/p/", sizes)).toEqual({ src: "/images/photo.png", alt: "A photo", width: 1600, height: 900 });
    expect(postImage({ src: "/images/flow.svg", alt: "" }, html, "/p/", sizes)).toEqual({
      src: "/images/flow.svg",
      alt: "",
      width: 640,
      height: 160,
    });
    expect(postImage(null, "<p>No pictures.</p>", "/p/", sizes)).toBeNull();
  });
});

describe("page options in front matter", () => {
  const content = (frontMatter: string): ContentFiles => ({
    files: [{ path: "posts/2026-01-02-x.md", text: `---\ntitle: X\n${frontMatter}\n---\n![Photo](/images/photo.png)\n`, inPosts: false }],
    config: null,
    media,
    skipped: [],
    problems: [],
  });

  it("reads image: as a path or as jekyll-seo-tag's { path }", () => {
    for (const fm of ["image: /images/flow.svg", "image:\n  path: /images/flow.svg"]) {
      const page = compileSite(content(fm)).build?.pages.get("/2026/01/x/");
      expect(page?.model.kind === "post" ? page.model.image : null).toEqual({ src: "/images/flow.svg", alt: "", width: 640, height: 160 });
    }
  });

  it("publishes a toc or image it cannot use without it, with a warning naming the file and line", () => {
    const toc = compileSite(content("toc: sometimes"));
    expect(toc.problems).toEqual([]);
    expect(toc.warnings).toEqual([{ file: "posts/2026-01-02-x.md", line: 3, reason: 'toc is true or false; "sometimes" is ignored' }]);
    const image = compileSite(content("date: 2026-01-02\nimage: [a, b]"));
    expect(image.problems).toEqual([]);
    expect(image.warnings).toEqual([
      { file: "posts/2026-01-02-x.md", line: 4, reason: 'image is a path or URL, or a map with path and alt; ["a","b"] is ignored' },
    ]);
    // Without a usable image, the post's first picture stands for it.
    const page = image.build?.pages.get("/2026/01/x/");
    expect(page?.model.kind === "post" ? page.model.image?.src : null).toBe("/images/photo.png");
  });
});
