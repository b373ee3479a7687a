/**
 * A Jekyll site built by Debian's `jekyll` as it was served, to compare our pages with: a copy of
 * the site without its Gemfile (Debian's gems, not Bundler's), a second config that names the
 * plugins it used (read from `plugins:` and from `gems:`, the key Jekyll 3 and GitHub Pages read)
 * and the local address it is served at, so `{{ site.url }}` before a stylesheet points here.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";

/** The plugins Debian packages (ruby-jekyll-*), which a copy may name; others are left out and reported. */
const DEBIAN_PLUGINS = new Set([
  "jekyll-feed",
  "jekyll-paginate",
  "jekyll-seo-tag",
  "jekyll-sitemap",
  "jekyll-gist",
  "jekyll-redirect-from",
]);

export interface JekyllBuild {
  /** The folder Jekyll wrote. */
  out: string;
  /** Plugins the site names that Debian does not have: the pages they would have changed differ. */
  missingPlugins: string[];
  remove(): void;
}

export function buildWithJekyll(site: string, url: string): JekyllBuild {
  const work = mkdtempSync(join(tmpdir(), "jekyll-site-"));
  const copy = join(work, "site");
  const out = join(work, "out");
  cpSync(site, copy, { recursive: true, filter: (src) => !/[\\/](_site|\.git|node_modules)$/.test(src) });
  for (const file of ["Gemfile", "Gemfile.lock"]) rmSync(join(copy, file), { force: true });
  const configPath = join(copy, "_config.yml");
  const configText = existsSync(configPath) ? readFileSync(configPath, "utf8") : "";
  if (configText !== "") writeFileSync(configPath, quoteRubySymbols(configText));
  const config = (configText === "" ? {} : parse(configText, { uniqueKeys: false })) as Record<string, unknown> | null;
  const named = [...list(config?.plugins), ...list(config?.gems)];
  const plugins = [...new Set(named.filter((p) => DEBIAN_PLUGINS.has(p)))];
  const missingPlugins = [...new Set(named.filter((p) => !DEBIAN_PLUGINS.has(p)))];
  const local = join(work, "local.yml");
  writeFileSync(local, `url: ${JSON.stringify(url)}\nplugins: ${JSON.stringify(plugins)}\n`);
  execFileSync("jekyll", ["build", "-q", "--source", copy, "--destination", out, "--config", `${configPath},${local}`], {
    env: { ...process.env, LANG: "C.UTF-8", LC_ALL: "C.UTF-8", JEKYLL_ENV: "production" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  return { out, missingPlugins, remove: () => rmSync(work, { recursive: true, force: true }) };
}

/**
 * Ruby's YAML (Psych 4's safe load) refuses a bare symbol as a value: `permalink: :title`, which
 * Jekyll's documentation shows, or jekyll-now's `style: :expanded` under `sass:`. Each is quoted in
 * the copy; Jekyll reads both quoted (the Sass converter drops the leading colon). A trailing
 * comment goes with it.
 */
export function quoteRubySymbols(yaml: string): string {
  return yaml.replace(/^([ \t]*[\w-]+:[ \t]*)(:[^\s#'"]+)[ \t]*(?:#.*)?$/gm, '$1"$2"');
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
