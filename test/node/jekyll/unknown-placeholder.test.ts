/**
 * Permalink patterns in `_config.yml`: every placeholder is filled, and one that Jekyll does not
 * define stops the publish at its line instead of landing in every address as literal text.
 */
import { describe, expect, it } from "vitest";
import { compileSite } from "../../../src/compile/compile-site.ts";
import type { ContentFiles } from "../../../src/content/content-files.ts";

function site(config: string): ContentFiles {
  return {
    files: [{ path: "_posts/2019-08-12-ie-cache.md", text: "---\ntitle: IE cache\n---\nText.\n", inPosts: true }],
    config: { path: "_config.yml", text: config },
    media: [],
    skipped: [],
    problems: [],
  };
}

describe("permalink styles with placeholders", () => {
  it("fills :y_day for the ordinal style (day of the year, three digits)", () => {
    const compiled = compileSite(site("title: T\npermalink: ordinal\n"));
    expect(compiled.problems).toEqual([]);
    expect(compiled.build?.entries.map((p) => p.permalink)).toEqual(["/2019/224/ie-cache.html"]);
  });

  it("stops at an unknown placeholder, naming _config.yml and its line", () => {
    const compiled = compileSite(site("title: T\n\npermalink: /:year/:bogus/:title/\n"));
    expect(compiled.build).toBeNull();
    expect(compiled.problems).toHaveLength(1);
    expect(compiled.problems[0]).toMatchObject({ file: "_config.yml", line: 3 });
    expect(compiled.problems[0]?.reason).toContain(":bogus");
  });
});
