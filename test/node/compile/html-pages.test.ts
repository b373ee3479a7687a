/** Jekyll converts only Markdown: an .html page is published as its text (after Liquid) is written. */
import { describe, expect, it } from "vitest";
import { compileSite } from "../../../src/compile/compile-site.ts";
import type { ContentFiles } from "../../../src/content/content-files.ts";

// What a Liquid loop leaves in minimal-mistakes' collection-archive.html: markup indented four spaces.
const BODY = '\n    <h2 class="archive__subtitle">pets</h2>\n\n    <h2 class="archive__subtitle">portfolio</h2>\n\n*not emphasis*\n';

function site(name: string): ContentFiles {
  return {
    files: [{ path: name, text: `---\ntitle: Archive\npermalink: /archive/\n---\n${BODY}`, inPosts: false }],
    config: { path: "_config.yml", text: "title: Pages\n" },
    media: [],
    skipped: [],
    problems: [],
  };
}

function html(content: ContentFiles): string | null {
  const page = compileSite(content).build?.pages.get("/archive/");
  return page?.model.kind === "post" ? page.model.html : null;
}

describe("an .html page", () => {
  it("keeps its indented markup as HTML and its asterisks as written", () => {
    expect(html(site("archive.html"))).toBe(BODY);
  });

  it("while a Markdown page of the same text is converted", () => {
    expect(html(site("archive.md"))).toContain("<em>not emphasis</em>");
    expect(html(site("archive.md"))).toContain("<pre><code>");
  });
});
