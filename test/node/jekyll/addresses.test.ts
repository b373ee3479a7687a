/**
 * Our addresses for Jekyll sites against Jekyll's own: each site under test/fixtures/jekyll/ is
 * published once per `_variants/<variant>.yml` (as its `_config.yml`) and compared with
 * `_expected/<variant>.json`, which `jekyll build` wrote (scripts/jekyll-oracle.ts; CI checks it is
 * still what Jekyll gives). Every post and page must be where Jekyll put it, with Jekyll's URL and id,
 * and nothing Jekyll did not publish may be published (a collection's documents too).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../../src/cli/load-content.ts";
import { sassCompiler } from "../../../src/cli/sass-compiler.ts";
import { compileSite } from "../../../src/compile/compile-site.ts";
import { isSassFile } from "../../../src/compile/stylesheets.ts";

const FIXTURES = join(import.meta.dirname, "../../fixtures/jekyll");

interface Oracle {
  posts: Array<{ source: string; url: string; id: string; file: string }>;
  pages: Array<{ source: string | null; url: string; file: string; pager: number | null }>;
  static: string[];
  /** Documents of collections with `output: true` (only in the answers of sites that declare some). */
  documents?: Array<{ source: string; collection: string; url: string; file: string }>;
}

/** The address a file Jekyll wrote is served at: a folder's `index.html` is the folder. */
const servedAt = (file: string) => `/${file}`.replace(/(^|\/)index\.html$/, "$1").normalize("NFC");

const sites = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory());

describe.each(sites.map((d) => d.name))("Jekyll fixture %s", (site) => {
  const dir = join(FIXTURES, site);
  const variants = readdirSync(join(dir, "_variants")).map((f) => f.replace(/\.yml$/, ""));

  it.each(variants)("%s: every post and page is where Jekyll put it", async (variant) => {
    const content = await loadContent(dir);
    content.config = { path: "_config.yml", text: readFileSync(join(dir, "_variants", `${variant}.yml`), "utf8") };
    const oracle = JSON.parse(readFileSync(join(dir, "_expected", `${variant}.json`), "utf8")) as Oracle;
    const compiled = compileSite(content, {}, undefined, {}, sassCompiler(dir));
    expect(compiled.problems).toEqual([]);
    const build = compiled.build;
    if (build === null) throw new Error("no build");

    const ours = new Map(build.entries.map((p) => [p.source, p]));
    const templates = new Map(compiled.templates.map((t) => [t.source, t]));
    const expectedSources = new Set<string>();
    const compiledCss = new Set<string>();
    for (const post of oracle.posts) {
      expectedSources.add(post.source);
      const mine = ours.get(post.source);
      expect(mine?.permalink, post.source).toBe(servedAt(post.file));
      expect(mine?.jekyll, post.source).toEqual({ url: post.url.normalize("NFC"), id: post.id.normalize("NFC") });
    }
    for (const doc of oracle.documents ?? []) {
      expectedSources.add(doc.source);
      expect(ours.get(doc.source)?.permalink, doc.source).toBe(servedAt(doc.file));
      // A collection's documents are pages: never in the feed or the home page's list.
      expect(ours.get(doc.source)?.layout, doc.source).toBe("page");
    }
    for (const page of oracle.pages) {
      const path = servedAt(page.file);
      if (page.source === null || (page.pager ?? 1) > 1) {
        // Made by a plugin: jekyll-feed's feed and jekyll-paginate's pages answer, directly or by one
        // redirect; a stylesheet's source map goes with the theme's stylesheet.
        if (!path.endsWith(".css.map")) expect(build.pages.has(path) || build.redirects.has(path), path).toBe(true);
        continue;
      }
      if (isSassFile(page.source)) {
        // A stylesheet with front matter: compiled, its CSS a static asset at Jekyll's address.
        expect(build.assets.has(path), page.source).toBe(true);
        compiledCss.add(path);
        continue;
      }
      const template = templates.get(page.source);
      if (template !== undefined) {
        expect(template.path, page.source).toBe(path);
        // Ours answers there (robots.txt and search are the Worker's own), or it moved there, or nothing
        // does and the summary says so.
        const kind = template.equivalent?.kind;
        const workerOwn = kind === "robots" || (kind === "search" && path.startsWith("/search/"));
        expect(build.pages.has(path) || build.redirects.has(path) || kind === undefined || workerOwn, path).toBe(true);
        continue;
      }
      if (build.site.notFoundHtml !== undefined && /^404\./.test(page.source)) continue;
      expectedSources.add(page.source);
      expect(ours.get(page.source)?.permalink, page.source).toBe(path);
    }
    // Exactly the files the fixture lists as Liquid templates are left out, each with what answers there.
    const leftOut = readFileSync(join(dir, "_left-out.txt"), "utf8")
      .split("\n")
      .filter((line) => line !== "");
    expect(compiled.templates.map((t) => `${t.source} ${t.equivalent?.kind ?? "nothing"}`).sort()).toEqual(leftOut.sort());
    // Nothing Jekyll left out (drafts, unpublished files, undated names in _posts/) is published.
    expect([...ours.keys()].sort()).toEqual([...expectedSources].sort());
    // Files Jekyll copied as they are, whatever their kind, are the Worker's static assets, and nothing else is.
    const copied = oracle.static.map((f) => `/${f}`.normalize("NFC"));
    expect([...build.assets].filter((path) => !compiledCss.has(path)).sort()).toEqual(copied.sort());
  });
});
