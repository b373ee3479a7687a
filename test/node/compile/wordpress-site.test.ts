/** Site data from `_data/`: WordPress ids for the Worker, and bad files reported as file:line. */
import { describe, expect, it } from "vitest";
import { compileSite } from "../../../src/compile/compile-site.ts";
import type { ContentFiles } from "../../../src/content/content-files.ts";

function content(data: Record<string, string>, media: string[] = []): ContentFiles {
  return {
    files: [
      {
        path: "_posts/2020-01-01-a.md",
        text: "---\ntitle: A\ndate: 2020-01-01\ncategories: [Child]\ntags: [t]\nauthor: Ana\n---\nx\n",
        inPosts: true,
      },
    ],
    config: null,
    media: media.map((path) => ({ path, bytes: new Uint8Array([1]) })),
    data: Object.entries(data).map(([path, text]) => ({ path, text })),
    skipped: [],
    problems: [],
  };
}

describe("WordPress site data", () => {
  it("gives the Worker the path of each category, tag, author and served attachment by WordPress id", () => {
    const reading = compileSite(
      content(
        {
          "_data/categories.yml": "- {id: 1, name: Parent, slug: parent}\n- {id: 2, name: Child, slug: child, parent: parent}\n",
          "_data/tags.yml": "- {id: 5, name: t, slug: t-2}\n",
          "_data/authors.yml": "ana: {name: Ana, slug: ana-w, id: 9}\n",
          "_data/attachments.yml": '"7": {file: /wp-content/uploads/a.png}\n"8": {file: /wp-content/uploads/missing.png}\n',
        },
        ["wp-content/uploads/a.png"],
      ),
    );
    expect(reading.problems).toEqual([]);
    const ids = Object.fromEntries(reading.build?.wordpressIds ?? []);
    expect(ids).toMatchObject({
      "category:1": "/category/parent/",
      "category:2": "/category/parent/child/",
      "tag:5": "/tag/t-2/",
      "author:9": "/author/ana-w/",
      "attachment:7": "/wp-content/uploads/a.png",
    });
    expect(ids["attachment:8"]).toBeUndefined();
    expect(reading.build?.pages.has("/category/parent/")).toBe(true);
  });

  it("reports bad data files with the file and line, and publishes nothing", () => {
    const reading = compileSite(
      content({
        "_data/categories.yml": "- {id: 1, name: Fine, slug: fine}\n- {id: 2, name: No slug}\n",
        "_data/navigation.yml": "main:\n  - title: Home\n",
        "_data/attachments.yml": '"7": {title: no file}\n',
        "_data/other.yml": "anything: [at all\n",
      }),
    );
    expect(reading.build).toBeNull();
    expect(reading.problems).toEqual([
      { file: "_data/attachments.yml", line: 1, reason: "attachment 7 needs a file" },
      { file: "_data/categories.yml", line: 2, reason: "each term needs a name and a slug" },
      { file: "_data/navigation.yml", line: 2, reason: "each menu entry needs a title and a url" },
    ]);
  });
});
