/** A post's Jekyll `excerpt`, kept between the saves of a watching process only while its HTML is the same. */
import { describe, expect, it } from "vitest";
import { jekyllExcerpt } from "../../../src/compile/jekyll-excerpt.ts";
import type { Prepared } from "../../../src/compile/types.ts";

/** What jekyllExcerpt reads of a prepared post; the excerpt object is the one a compile memo hands back unchanged. */
function prepared(html: string, excerpt: Prepared["excerpt"]): Prepared {
  return { post: { excerpt: null, fields: {} }, html, excerpt } as unknown as Prepared;
}

describe("a post's first paragraph for a theme", () => {
  it("follows the post's HTML when the same excerpt object comes back with a new body", () => {
    const excerpt = { html: "<p>Teaser</p>", text: "Teaser", description: "Teaser" } as unknown as Prepared["excerpt"];
    expect(jekyllExcerpt(prepared("<p>One</p>\n<p>Two</p>", excerpt), {})).toBe("<p>One</p>\n");
    expect(jekyllExcerpt(prepared("<p>One</p>\n<p>Two</p>", excerpt), {})).toBe("<p>One</p>\n");
    expect(jekyllExcerpt(prepared("<h2>Zero</h2>\n<p>One</p>", excerpt), {})).toBe("<h2>Zero</h2>\n");
  });
});
