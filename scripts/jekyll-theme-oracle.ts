/**
 * Asks Jekyll itself what themed pages hold, so the tests compare our pages with Jekyll's build instead
 * of with our reading of it: test/fixtures/theme-plugins/ for the plugin tags themes use
 * (jekyll-seo-tag's `{% seo %}`, jekyll-feed's `{% feed_meta %}`, jekyll-gist's `{% gist %}`),
 * test/fixtures/theme-kramdown/ for what kramdown and Rouge write (code blocks, attribute lists, footnotes) and
 * what layouts do with `markdownify`, `post_url`, `link` and `include_relative`,
 * test/fixtures/theme-line-numbers/ for Rouge's line-number tables (kramdown's `line_numbers`, `linenos`),
 * test/fixtures/theme-documents/ for what a layout sees of each document (`page.url`, `link`, `post_url`,
 * `site.pages`, the date `{% seo %}` reads), test/fixtures/theme-dates/ for how a time prints (Ruby's
 * Time#to_s bare, through `append` and `jsonify`, on the site's clock), test/fixtures/theme-markdown-home/
 * for a home page written in Markdown (`index.md`, converted before its layout), test/fixtures/theme-paginator/
 * for jekyll-paginate's `paginator` on each page of the home page.
 *
 *   npx tsx scripts/jekyll-theme-oracle.ts           rewrites each fixture's _expected/*.html
 *   npx tsx scripts/jekyll-theme-oracle.ts --check   fails if a committed page is no longer what Jekyll builds
 *
 * Needs Debian's `jekyll` with ruby-jekyll-seo-tag, ruby-jekyll-feed, ruby-jekyll-gist and
 * ruby-jekyll-paginate. The site sets `gist.noscript: false`, so the build asks GitHub for nothing.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";

const ROOT = resolve(import.meta.dirname, "..");
/** Each fixture site and the pages compared: Jekyll's output file → the name it is kept under in `_expected/`. */
const SITES: Record<string, Record<string, string>> = {
  "test/fixtures/theme-plugins": {
    "index.html": "home.html",
    "about/index.html": "about.html",
    "2021/03/10/with-image.html": "with-image.html",
    "2021/02/10/excerpt-only.html": "excerpt-only.html",
  },
  "test/fixtures/theme-kramdown": {
    "2021/05/01/code.html": "code.html",
    "2021/05/02/attributes.html": "attributes.html",
    "2021/05/03/typography.html": "typography.html",
    "2021/05/04/languages.html": "languages.html",
    "2021/05/05/footnotes.html": "footnotes.html",
  },
  "test/fixtures/theme-documents": {
    "about.html": "about.html",
    "topics/jekyll.html": "topics-jekyll.html",
    "2022/04/first.html": "first.html",
    "tabs/tags.html": "tab.html",
  },
  "test/fixtures/theme-line-numbers": {
    "2022/03/01/numbered.html": "numbered.html",
  },
  "test/fixtures/theme-markdown-home": {
    "index.html": "home.html",
  },
  "test/fixtures/theme-paginator": {
    "index.html": "page1.html",
    "page2/index.html": "page2.html",
  },
  "test/fixtures/theme-dates": {
    "2020/05/06/summer.html": "summer.html",
    "2020/12/01/winter.html": "winter.html",
    "notes/undated.html": "undated.html",
  },
};

const { values } = parseArgs({ options: { check: { type: "boolean", default: false } } });
let stale = 0;
for (const [folder, pages] of Object.entries(SITES)) stale += oracle(join(ROOT, folder), pages);
if (stale > 0) process.exit(1);

/** Builds one fixture site with Jekyll and writes (or, with --check, compares) its pages; the number that differ. */
function oracle(site: string, pages: Record<string, string>): number {
  const work = mkdtempSync(join(tmpdir(), "edgepress-theme-oracle-"));
  let stale = 0;
  try {
    cpSync(site, join(work, "src"), { recursive: true, filter: (src) => !/[/\\]_expected$/.test(src) });
    execFileSync("jekyll", ["build", "--quiet", "--source", join(work, "src"), "--destination", join(work, "site")], {
      // The production build, as GitHub Pages runs it: a published site is the live one.
      env: { ...process.env, TZ: "UTC", JEKYLL_ENV: "production" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    mkdirSync(join(site, "_expected"), { recursive: true });
    for (const [built, kept] of Object.entries(pages)) {
      const answer = readFileSync(join(work, "site", built), "utf8");
      const target = join(site, "_expected", kept);
      const name = relative(ROOT, target);
      if (existsSync(target) && readFileSync(target, "utf8") === answer) console.log(`${name}: matches Jekyll`);
      else if (values.check) {
        stale++;
        console.error(`${name}: DIFFERS from what Jekyll builds now; run scripts/jekyll-theme-oracle.ts and review the change`);
      } else {
        writeFileSync(target, answer);
        console.log(`${name}: written`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return stale;
}
