/**
 * Asks Jekyll itself where it puts every post and page of the Jekyll fixture sites, and what Liquid
 * writes in the pages of the Liquid fixture site, so the tests compare our addresses and our Liquid
 * with Jekyll's instead of with our reading of its documentation.
 *
 *   npm run jekyll:oracle              rewrites test/fixtures/jekyll/<site>/_expected/<variant>.json
 *                                      and test/fixtures/liquid/_expected/<page>.html
 *   npm run jekyll:oracle -- --check   fails if a committed answer is no longer what Jekyll gives (CI)
 *
 * Each site under test/fixtures/jekyll/ is built once per `_variants/<variant>.yml` (used as its
 * `_config.yml`), in a copy that gets a one-line layout (`{{ content }}`) for every layout name it
 * uses and scripts/jekyll/oracle.rb, which writes what Jekyll built. Needs Debian's `jekyll`
 * (with ruby-jekyll-feed and ruby-jekyll-paginate).
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";

const ROOT = resolve(import.meta.dirname, "..");
const FIXTURES = join(ROOT, "test/fixtures/jekyll");
const LIQUID = join(ROOT, "test/fixtures/liquid");
const { values } = parseArgs({ options: { check: { type: "boolean", default: false } } });

let stale = 0;
for (const site of readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory())) {
  const dir = join(FIXTURES, site.name);
  const variants = readdirSync(join(dir, "_variants")).filter((f) => f.endsWith(".yml"));
  for (const variant of variants) {
    const answer = build(dir, readFileSync(join(dir, "_variants", variant), "utf8"));
    record(join(dir, "_expected", variant.replace(/\.yml$/, ".json")), answer);
  }
}
for (const [name, answer] of liquidAnswers()) record(join(LIQUID, "_expected", name), answer);
if (stale > 0) process.exit(1);

function record(target: string, answer: string): void {
  const committed = existsSync(target) ? readFileSync(target, "utf8") : null;
  const name = relative(ROOT, target);
  if (committed === answer) {
    console.log(`${name}: matches Jekyll`);
  } else if (values.check) {
    stale++;
    console.error(`${name}: DIFFERS from what Jekyll ${jekyllVersion()} gives now; run npm run jekyll:oracle and review the change`);
  } else {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, answer);
    console.log(`${name}: written`);
  }
}

/** Builds the Liquid fixture site as it is (its pages have no layout); returns each top-level page's output. */
function liquidAnswers(): Map<string, string> {
  const work = mkdtempSync(join(tmpdir(), "edgepress-liquid-"));
  try {
    execFileSync("jekyll", ["build", "--quiet", "--source", join(LIQUID, "site"), "--destination", work], {
      env: { ...process.env, TZ: "UTC" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    const pages = readdirSync(join(LIQUID, "site")).filter((f) => f.endsWith(".html"));
    return new Map(pages.map((page) => [page, readFileSync(join(work, page), "utf8")]));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Builds a copy of the site with this config; returns Jekyll's report (oracle.rb) as text. */
function build(dir: string, config: string): string {
  const work = mkdtempSync(join(tmpdir(), "edgepress-jekyll-"));
  try {
    cpSync(dir, work, { recursive: true, filter: (src) => !/[/\\]_(variants|expected)$/.test(src) });
    writeFileSync(join(work, "_config.yml"), config);
    mkdirSync(join(work, "_layouts"), { recursive: true });
    for (const layout of layoutNames(work, config)) writeFileSync(join(work, "_layouts", `${layout}.html`), "{{ content }}\n");
    mkdirSync(join(work, "_plugins"), { recursive: true });
    cpSync(join(ROOT, "scripts/jekyll/oracle.rb"), join(work, "_plugins/oracle.rb"));
    // A site without `timezone:` is on the machine's clock in Jekyll; ours is UTC.
    execFileSync("jekyll", ["build", "--quiet", "--source", work, "--destination", join(work, "_site")], {
      env: { ...process.env, TZ: "UTC" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    return readFileSync(join(work, "oracle.json"), "utf8");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Every `layout:` value in the site's files and config, plus Jekyll's `default`. */
function layoutNames(dir: string, config: string): Set<string> {
  const names = new Set(["default"]);
  const scan = (text: string) => {
    for (const m of text.matchAll(/^\s*layout:\s*["']?([\w-]+)/gm)) if (m[1]) names.add(m[1]);
  };
  scan(config);
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(md|markdown|html?|xml|txt|json|scss)$/i.test(entry.name)) scan(readFileSync(path, "utf8"));
    }
  };
  walk(dir);
  return names;
}

function jekyllVersion(): string {
  return execFileSync("jekyll", ["--version"], { encoding: "utf8" }).trim();
}
