/** `import` of items shaped as some exports have them: no wp:post_id or wp:post_name (theme-preview content), a title with markup. */
import { readFileSync } from "node:fs";
import { cp, readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../../src/cli/load-content.ts";
import { compileSite } from "../../../src/compile/compile-site.ts";
import { runCli, tempFolder } from "../helpers/cli.ts";

const FIXTURES = join(import.meta.dirname, "../../fixtures/wxr");

describe("import of items without ids or slugs", () => {
  it("gives each item its id from its ?p= link or guid, its slug from its title, its address from its date", async () => {
    const cwd = tempFolder({});
    await cp(FIXTURES, join(cwd, "wxr"), { recursive: true });
    const run = await runCli(["import", "wxr/no-ids.xml", "--out", "site"], { cwd });
    expect(run.code, run.stderr.join("\n")).toBe(0);
    const out = join(cwd, "site");
    const posts = (await readdir(join(out, "posts"))).sort();
    expect(posts).toEqual([
      "2008-06-04-hello-world-2.md",
      "2008-06-04-hello-world.md",
      "2008-07-21-cafe-creme-deja-vu.md",
      "2008-09-05-elements.md",
      "2008-10-17-worth-a-thousand-words.md",
      "2009-01-02-untitled-notes.md",
    ]);
    const expected: Array<[string, string[]]> = [
      ["posts/2008-06-04-hello-world.md", ["id: 1\n", "date: 2008-06-04T22:40:06+00:00", "permalink: /2008/06/04/hello-world/"]],
      ["posts/2008-06-04-hello-world-2.md", ["id: 40\n", "date: 2008-06-04T23:00:00+00:00", "permalink: /2008/06/04/hello-world-2/"]],
      [
        "posts/2008-09-05-elements.md",
        ["id: 36\n", "title: Elements", "date: 2008-09-05T00:27:25+00:00", "permalink: /2008/09/05/elements/"],
      ],
      ["posts/2008-10-17-worth-a-thousand-words.md", ["id: 19\n", "permalink: /2008/10/17/worth-a-thousand-words/"]],
      ["posts/2008-07-21-cafe-creme-deja-vu.md", ["id: 8\n", "permalink: /2008/07/21/cafe-creme-deja-vu/"]],
      ["about-the-tests.md", ["id: 2\n", "layout: page", "permalink: /about-the-tests/"]],
      ["posts/2009-01-02-untitled-notes.md", ["permalink: /2009/01/02/untitled-notes/"]],
    ];
    for (const [file, lines] of expected) {
      const text = readFileSync(join(out, file), "utf8");
      for (const line of lines) expect(text, file).toContain(line);
    }
    expect(readFileSync(join(out, "posts/2009-01-02-untitled-notes.md"), "utf8")).not.toMatch(/^id:/m);

    const reading = compileSite(await loadContent(out), {}, Date.parse("2026-01-01T00:00:00Z"));
    expect(reading.problems).toEqual([]);
    expect([...(reading.build?.pages.keys() ?? [])]).toEqual(
      expect.arrayContaining([
        "/2008/06/04/hello-world/",
        "/2008/06/04/hello-world-2/",
        "/2008/09/05/elements/",
        "/2008/10/17/worth-a-thousand-words/",
        "/2008/07/21/cafe-creme-deja-vu/",
        "/about-the-tests/",
        "/2009/01/02/untitled-notes/",
      ]),
    );
  });
});

describe("import of a title with markup", () => {
  it("keeps the plain title as title: and the markup as title_html:", async () => {
    const cwd = tempFolder({});
    await cp(FIXTURES, join(cwd, "wxr"), { recursive: true });
    const run = await runCli(["import", "wxr/title-markup.xml", "--out", "site"], { cwd });
    expect(run.code, run.stderr.join("\n")).toBe(0);
    const text = readFileSync(join(cwd, "site/posts/2013-01-05-markup-title-with-markup.md"), "utf8");
    expect(text).toContain('title: "Markup: Title With Markup"\n');
    expect(text).toContain('title_html: "Markup: Title <em>With</em> <b>Mark<sup>up</sup></b>"\n');
  });
});
