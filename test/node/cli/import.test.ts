/** `import`: a WordPress export to a content folder that publishes as it is, safely re-imported, bad exports refused. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cp, readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../../src/cli/load-content.ts";
import { compileSite } from "../../../src/compile/compile-site.ts";
import { runCli, tempFolder } from "../helpers/cli.ts";

const FIXTURES = join(import.meta.dirname, "../../fixtures/wxr");
const CORPUS = join(import.meta.dirname, "../../../../shared/corpus/wordpress-wxr");

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

async function importBlog(extra: string[] = []) {
  const cwd = tempFolder({});
  await cp(FIXTURES, join(cwd, "wxr"), { recursive: true });
  const run = await runCli(["import", "wxr/blog.xml", "--out", "site", "--uploads", "wxr/uploads", ...extra], { cwd });
  return { cwd, out: join(cwd, "site"), run };
}

describe("import", () => {
  it("writes posts, pages, drafts, site data and the uploads, in a folder that publishes", async () => {
    const { out, run } = await importBlog();
    expect(run.code).toBe(0);
    expect(await filesUnder(out)).toEqual([
      ".edgepress-import.json",
      "_config.yml",
      "_data/attachments.yml",
      "_data/authors.yml",
      "_data/categories.yml",
      "_data/navigation.yml",
      "_data/tags.yml",
      "_drafts/2021-04-01-unfinished-thoughts.md",
      "_drafts/password-protected/2021-02-01-members.md",
      "about.md",
      "about/crew.md",
      "posts/2020-01-02-rules.md",
      "posts/2021-03-14-spring-tides.md",
      "wp-content/uploads/2021/03/buoy.jpg",
      "wp-content/uploads/2021/03/chart.png",
      "wp-content/uploads/2021/03/slip.jpg",
    ]);
    const summary = run.stdout.join("\n");
    expect(summary).toContain("Posts: 2 published, 1 draft, 1 password-protected");
    expect(summary).toContain(
      "Comments: 2 shown, 1 pingbacks and trackbacks listed apart; not shown: 1 awaiting moderation, 1 spam, 0 in the trash",
    );
    expect(summary).toContain("https://harbour.example/wp-content/uploads/2021/03/gone.jpg");

    const post = readFileSync(join(out, "posts/2021-03-14-spring-tides.md"), "utf8");
    for (const line of [
      "id: 101",
      "date: 2021-03-14T19:30:00+00:00",
      "author: Mira Kovač",
      "permalink: /2021/03/14/spring-tides/",
      "format: gallery",
      "image: /wp-content/uploads/2021/03/buoy.jpg",
      "weather: windy",
      "  - /2021/03/14/high-water/",
      '<p>See <a href="/wp-content/uploads/2021/03/chart.png">the chart</a>',
    ]) {
      expect(post).toContain(line);
    }
    expect(post).not.toContain("_edit_last");
    expect(readFileSync(join(out, "posts/2020-01-02-rules.md"), "utf8")).toContain("sticky: true");
    expect(readFileSync(join(out, "about/crew.md"), "utf8")).toContain("permalink: /about/crew/");

    // Commenters' e-mail and IP addresses, and spam, never reach the folder.
    for (const file of await filesUnder(out)) {
      const text = readFileSync(join(out, file), "latin1");
      for (const secret of ["tomas@pilots.example", "203.0.113.9", "198.51.100.4", "Buy now", "anchor"]) expect(text).not.toContain(secret);
    }

    const reading = compileSite(await loadContent(out), {}, Date.parse("2026-01-01T00:00:00Z"));
    expect(reading.problems).toEqual([]);
    const paths = [...(reading.build?.pages.keys() ?? [])];
    expect(paths).toEqual(expect.arrayContaining(["/2021/03/14/spring-tides/", "/2020/01/02/rules/", "/about/", "/about/crew/"]));
    expect(paths).not.toContain("/2021/02/01/members/");
    expect(reading.build?.site.nav).toEqual([
      { title: "About", path: "/about/", children: [{ title: "Crew", path: "/about/crew/" }] },
      { title: "Boats", path: "/category/boats/sailing-boats/" },
    ]);
  });

  it("updates the folder on a second run, keeps what the author changed, and --force overwrites it", async () => {
    const { cwd, out } = await importBlog();
    const about = join(out, "about.md");
    writeFileSync(about, `${readFileSync(about, "utf8")}\nMy own addition.\n`);
    const again = await runCli(["import", "wxr/blog.xml", "--out", "site", "--uploads", "wxr/uploads"], { cwd });
    expect(again.code).toBe(0);
    expect(again.stderr.join("\n")).toContain(`Kept ${join("site", "about.md")}: changed since the last import`);
    expect(again.stdout.join("\n")).toMatch(/0 files written, 14 unchanged/);
    expect(readFileSync(about, "utf8")).toContain("My own addition.");

    const forced = await runCli(["import", "wxr/blog.xml", "--out", "site", "--uploads", "wxr/uploads", "--force"], { cwd });
    expect(forced.code).toBe(0);
    expect(readFileSync(about, "utf8")).not.toContain("My own addition.");
  });

  it("removes files of items no longer in the export, unless the author changed them", async () => {
    const { cwd, out } = await importBlog();
    const crew = join(out, "about/crew.md");
    writeFileSync(crew, `${readFileSync(crew, "utf8")}\nEdited.\n`);
    const smaller = readFileSync(join(cwd, "wxr/blog.xml"), "utf8")
      .replace(/<item>\s*<title><!\[CDATA\[Harbour rules\]\]>[\s\S]*?<\/item>/, "")
      .replace(/<item>\s*<title><!\[CDATA\[Crew\]\]>[\s\S]*?<\/item>/, "");
    writeFileSync(join(cwd, "wxr/smaller.xml"), smaller);
    const run = await runCli(["import", "wxr/smaller.xml", "--out", "site", "--uploads", "wxr/uploads"], { cwd });
    expect(run.code).toBe(0);
    expect(existsSync(join(out, "posts/2020-01-02-rules.md"))).toBe(false);
    expect(existsSync(crew)).toBe(true);
    expect(run.stderr.join("\n")).toContain("no longer in the export, but changed since the last import");
  });

  it.each([
    ["truncated.xml", /^wxr\/truncated\.xml:7:1: not well-formed XML: /],
    ["unknown-version.xml", /^wxr\/unknown-version\.xml:5:\d+: WXR version "1\.9" is not one WordPress has written/],
    ["plain-rss.xml", /^wxr\/plain-rss\.xml:5:\d+: not a WordPress export: no <wp:wxr_version>/],
  ])("refuses %s with FILE:line:column: reason and writes nothing", async (name, message) => {
    const cwd = tempFolder({});
    await cp(FIXTURES, join(cwd, "wxr"), { recursive: true });
    const run = await runCli(["import", `wxr/${name}`, "--out", "site"], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr[0]).toMatch(message);
    expect(existsSync(join(cwd, "site"))).toBe(false);
    expect(readdirSync(cwd).filter((f) => f.startsWith(".edgepress-import"))).toEqual([]);
  });

  it("refuses a file that is not XML at its first character", async () => {
    const cwd = tempFolder({ "export.xml": '\n\n  {"posts": []}' });
    const run = await runCli(["import", "export.xml", "--out", "site"], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr[0]).toBe("export.xml:3:3: not XML: a WordPress export starts with <?xml or <rss");
  });

  it("imports every export of the corpus into a folder that publishes", async () => {
    const exports = readdirSync(CORPUS).filter((f) => f.endsWith(".xml"));
    expect(exports.length).toBeGreaterThanOrEqual(5);
    for (const name of exports) {
      const cwd = tempFolder({});
      const run = await runCli(["import", join(CORPUS, name), "--out", "site"], { cwd });
      expect(run.code, `${name}: ${run.stderr.join("\n")}`).toBe(0);
      const reading = compileSite(await loadContent(join(cwd, "site")), {}, Date.parse("2026-01-01T00:00:00Z"));
      expect(reading.problems, name).toEqual([]);
      expect(reading.posts + reading.pages, name).toBeGreaterThan(0);
    }
  });

  it("publishes an export in one step, importing it beside the export", async () => {
    const cwd = tempFolder({});
    await cp(FIXTURES, join(cwd, "wxr"), { recursive: true });
    const run = await runCli(["publish", "--content", "wxr/blog.xml"], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout[0]).toBe("Importing wxr/blog.xml into wxr/blog");
    expect(existsSync(join(cwd, "wxr/blog/posts/2021-03-14-spring-tides.md"))).toBe(true);
    expect(run.stdout.join("\n")).toMatch(/Release \w+ \(#1\) is live/);
    expect(await readFile(join(cwd, "wxr/blog/_config.yml"), "utf8")).toContain("title: Harbour Notes");
  });
});
