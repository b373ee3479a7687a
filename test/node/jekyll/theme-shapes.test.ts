/**
 * The front matter of the Jekyll themes people use most, in the shapes their documentation and demo
 * sites give it (test/fixtures/theme-shapes/README.md lists them): every site publishes with no
 * problem and no warning, and the keys the engine reads mean what the theme means by them.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../../src/cli/load-content.ts";
import { type CompiledSite, compileSite } from "../../../src/compile/compile-site.ts";
import type { ListModel, PostModel } from "../../../src/model/page-models.ts";

const FIXTURES = join(import.meta.dirname, "../../fixtures/theme-shapes");
const themes = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

async function compiled(theme: string): Promise<CompiledSite> {
  return compileSite(await loadContent(join(FIXTURES, theme)));
}

/** The post page model of the file at `source`. */
function postPage(site: CompiledSite, source: string): PostModel {
  const post = site.build?.entries.find((p) => p.source === source);
  const model = post === undefined ? undefined : site.build?.pages.get(post.permalink)?.model;
  if (model?.kind !== "post") throw new Error(`no page for ${source}`);
  return model;
}

describe("the themes' demo front matter", () => {
  it("covers the ten themes", () => {
    expect(themes).toEqual([
      "al-folio",
      "beautiful-jekyll",
      "chirpy",
      "hydejack",
      "jekyll-now",
      "lanyon",
      "minima",
      "minimal-mistakes",
      "so-simple",
      "text",
    ]);
  });

  it.each(themes)("%s publishes with no problem and no warning", async (theme) => {
    const site = await compiled(theme);
    expect(site.problems).toEqual([]);
    // A site that names a gem theme without its files hears how to copy them in (compile/named-theme.ts); nothing else.
    expect(site.warnings.filter((w) => !/^theme: \S+ is a gem this engine does not bundle/.test(w.reason))).toEqual([]);
    expect(site.build).not.toBeNull();
  });
});

describe("what the themes' keys mean", () => {
  it("minimal-mistakes: header pictures stand for the post, comments: true from defaults is a switch, related: false hides related posts", async () => {
    const site = await compiled("minimal-mistakes");
    const overlay = postPage(site, "_posts/2021-03-01-header-overlay.md");
    expect(overlay.image).toMatchObject({ src: "/assets/images/harbour.svg", alt: "A harbour at dusk" });
    expect(overlay.featured).toEqual({ src: "/assets/images/harbour.svg", alt: "A harbour at dusk" });
    expect(overlay.updated).toBe("2021-03-09T21:20:02.000Z");
    const teaser = postPage(site, "_posts/2021-03-02-teaser-and-toc.md");
    expect(teaser.image?.src).toBe("/assets/images/harbour.svg");
    expect(teaser.toc?.map((t) => t.text)).toEqual(["One", "Two"]);
    expect(teaser.author).toBe("Billy Rick");
    expect(teaser.related?.length).toBeGreaterThan(0);
    const off = postPage(site, "_posts/2021-03-03-everything-off.md");
    expect(off.related).toBeUndefined();
    expect(off.comments).toBeUndefined();
    expect(postPage(site, "_posts/2021-03-04-link-post.md").tags).toEqual(["toc", "links"]);
  });

  it("minimal-mistakes: a page of prose around {% include toc %} and {% include base_path %} is published with its contents", async () => {
    const site = await compiled("minimal-mistakes");
    expect(site.templates.map((t) => t.source)).not.toContain("_pages/policies.md");
    const policies = postPage(site, "_pages/policies.md");
    expect(policies.permalink).toBe("/policies/");
    expect(policies.toc?.map((t) => t.text)).toEqual(["Keeping things", "Sharing things"]);
    expect(policies.html).not.toContain("{%");
    const inline = postPage(site, "_posts/2021-03-05-inline-contents.md");
    expect(inline.toc?.map((t) => t.text)).toEqual(["First part", "Second part"]);
    expect(inline.html).not.toContain("{%");
  });

  it("chirpy: pin leads the home page, image maps and media_subpath give the picture, an empty authors.yml is no data", async () => {
    const site = await compiled("chirpy");
    const home = site.build?.pages.get("/")?.model as ListModel;
    expect(home.posts[0]?.title).toBe("Text and Typography");
    const typography = postPage(site, "_posts/2019-08-08-text-and-typography.md");
    expect(typography.image).toMatchObject({
      src: "/commons/devices-mockup.svg",
      alt: "Responsive rendering of the theme on several devices.",
    });
    expect(typography.author).toBe("cotes");
    const started = postPage(site, "_posts/2019-08-09-getting-started.md");
    expect(started.permalink).toBe("/posts/getting-started/");
    expect(started.image?.src).toBe("/posts/20190809/cover.svg");
    expect(started.author).toBe("cotes");
    expect(started.toc).toBeUndefined();
    // jekyll-archives' pages (chirpy's `permalinks:`) lead to the engine's archives, Jekyll's slug to ours.
    expect(site.build?.redirects.get("/categories/blogging/")).toBe("/category/blogging/");
    expect(site.build?.redirects.get("/tags/getting-started/")).toBe("/tag/getting-started/");
  });

  it("al-folio: a toc map or list asks for contents, authors give the author, related_posts: false hides related posts", async () => {
    const site = await compiled("al-folio");
    const sidebar = postPage(site, "_posts/2023-04-25-sidebar-table-of-contents.md");
    expect(sidebar.toc?.length).toBe(2);
    expect(sidebar.related).toBeUndefined();
    expect(sidebar.categories).toEqual(["sample-posts"]);
    expect(sidebar.tags).toEqual(["formatting", "toc", "sidebar"]);
    expect(postPage(site, "_posts/2023-03-20-table-of-contents.md").toc?.length).toBe(1);
    const distill = postPage(site, "_posts/2021-05-22-distill.md");
    expect(distill.author).toBe("Albert Einstein");
    expect(distill.toc?.length).toBe(1);
  });

  it("so-simple and hydejack: an author key, map or list gives the author's name; image maps give the picture", async () => {
    const simple = await compiled("so-simple");
    const keyed = postPage(simple, "_posts/2017-11-28-post-with-image.md");
    expect(keyed.author).toBe("Billy Rick");
    expect(keyed.image?.src).toBe("/images/sample.svg");
    expect(postPage(simple, "_posts/2017-11-29-author-map.md").author).toBe("Jane Doe");
    const hyde = await compiled("hydejack");
    const listed = postPage(hyde, "_posts/2017-11-23-example-content.md");
    expect(listed.author).toBe("Florian Klampfer");
    expect(listed.featured).toEqual({ src: "/assets/img/blog/example.svg", alt: "" });
    expect(hyde.build?.redirects.get("/hydejack/2017/11/23/example-content/")).toBe(listed.permalink);
  });

  it("TeXt: header: false is the theme's, not a picture", async () => {
    const site = await compiled("text");
    expect(postPage(site, "_posts/2018-06-02-no-header.md").featured).toBeUndefined();
  });
});
