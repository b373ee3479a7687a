/**
 * Asks Jekyll itself what the plugin tags themes use write (jekyll-seo-tag's `{% seo %}`,
 * jekyll-feed's `{% feed_meta %}`, jekyll-gist's `{% gist %}`), so the tests compare our pages of
 * test/fixtures/theme-plugins/ with Jekyll's build of them instead of with our reading of the plugins.
 *
 *   npx tsx scripts/jekyll-theme-oracle.ts           rewrites test/fixtures/theme-plugins/_expected/*.html
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
const SITE = join(ROOT, "test/fixtures/theme-plugins");
/** The pages compared: Jekyll's output file → the name it is kept under in `_expected/`. */
const ORACLE_PAGES: Record<string, string> = {
  "index.html": "home.html",
  "about/index.html": "about.html",
  "2021/03/10/with-image.html": "with-image.html",
  "2021/02/10/excerpt-only.html": "excerpt-only.html",
};

const { values } = parseArgs({ options: { check: { type: "boolean", default: false } } });
const work = mkdtempSync(join(tmpdir(), "edgepress-theme-oracle-"));
let stale = 0;
try {
  cpSync(SITE, join(work, "src"), { recursive: true, filter: (src) => !/[/\\]_expected$/.test(src) });
  execFileSync("jekyll", ["build", "--quiet", "--source", join(work, "src"), "--destination", join(work, "site")], {
    // The production build, as GitHub Pages runs it: a published site is the live one.
    env: { ...process.env, TZ: "UTC", JEKYLL_ENV: "production" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  mkdirSync(join(SITE, "_expected"), { recursive: true });
  for (const [built, kept] of Object.entries(ORACLE_PAGES)) {
    const answer = readFileSync(join(work, "site", built), "utf8");
    const target = join(SITE, "_expected", kept);
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
if (stale > 0) process.exit(1);
