/** Jekyll's `site` as a theme reads it (test/fixtures/theme-plugins/): each post's excerpt as Jekyll makes it. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../../src/cli/load-content.ts";
import { compileSite } from "../../../src/compile/compile-site.ts";
import { readyTheme } from "../../../src/theme/theme-data.ts";

const FIXTURE = join(import.meta.dirname, "../../fixtures/theme-plugins");

async function postsOf(edit: (text: string) => string = (t) => t) {
  const content = await loadContent(FIXTURE);
  const post = content.files.find((f) => f.path.endsWith("excerpt-only.md"));
  if (post === undefined) throw new Error("no post");
  post.text = edit(post.text);
  const posts = compileSite(content, {}, Date.parse("2026-11-25T12:00:00Z")).build?.theme?.site.posts;
  return (posts as Array<Record<string, unknown>>).find((p) => p.title === "Excerpt only");
}

describe("site.posts[].excerpt", () => {
  it("is the post's first paragraph, as with Jekyll's default excerpt_separator", async () => {
    expect((await postsOf())?.excerpt).toBe("<p>The first paragraph stands in for a description when the post has none.</p>\n");
  });

  it("is the front matter's excerpt: when the post has one", async () => {
    const post = await postsOf((t) => t.replace("author: Sam Guest", "author: Sam Guest\nexcerpt: Written by hand."));
    expect(post?.excerpt).toBe("Written by hand.");
  });
});

describe("site.COLLECTION", () => {
  /** The fixture with chirpy's tabs as a collection: `{% for tab in site.tabs %}`, in the order of each tab's `order:`. */
  async function themeWithTabs() {
    const content = await loadContent(FIXTURE);
    if (content.config === null) throw new Error("no config");
    content.config.text += "collections:\n  tabs:\n    output: true\n    sort_by: order\n";
    for (const [name, order] of [
      ["archives", 2],
      ["about", 3],
      ["tags", 1],
    ] as const) {
      content.files.push({
        path: `_tabs/${name}.md`,
        text: `---\ntitle: ${name}\norder: ${order}\n---\nThe ${name} tab.\n`,
        inPosts: false,
      });
    }
    const theme = compileSite(content, {}, Date.parse("2026-11-25T12:00:00Z")).build?.theme;
    if (theme === undefined) throw new Error("no theme");
    return theme;
  }
  const siteWithTabs = async () => (await themeWithTabs()).site as Record<string, unknown>;

  it("lists a collection's documents by its sort_by key, as Jekyll does", async () => {
    const tabs = (await siteWithTabs()).tabs as Array<Record<string, unknown>>;
    // Jekyll's URLs: the site's permalink is a pattern, so a collection's is `/:collection/:path`, served from `tabs/tags.html`.
    expect(tabs.map((t) => [t.title, t.url])).toEqual([
      ["tags", "/tabs/tags"],
      ["archives", "/tabs/archives"],
      ["about", "/tabs/about"],
    ]);
  });

  it("keeps a collection's documents out of site.pages, as Jekyll does", async () => {
    const pages = (await siteWithTabs()).pages as Array<Record<string, unknown>>;
    expect(pages.map((p) => p.title)).toEqual(["About"]);
  });

  it("gives site.collections, posts among them, each with its documents, as Jekyll 4.3 does", async () => {
    const theme = await themeWithTabs();
    const collections = readyTheme(theme, "UTC").site.collections as Array<Record<string, unknown>>;
    const titles = (docs: unknown) => (docs as Array<Record<string, unknown>>).map((d) => d.title).join("|");
    // What `{% for c in site.collections %}{{ c.label }} {{ c.output }} {{ c.permalink }} {{ c.relative_directory }}
    // [{{ c.docs | map: "title" | join: "|" }}]{% endfor %}` wrote with Jekyll 4.3.1 for the same site.
    expect(collections.map((c) => [c.label, c.output, c.permalink, c.relative_directory, titles(c.docs)])).toEqual([
      ["posts", true, "/:year/:month/:day/:title.html", "_posts", 'Excerpt only|A post with "quotes" & an image'],
      ["tabs", true, null, "_tabs", "tags|archives|about"],
    ]);
  });
});
