/**
 * Publishes content into the test's KV binding through the same code the CLI runs (read, check,
 * build, write), so worker tests exercise real published data.
 */
import { env } from "cloudflare:workers";
import { compileSite } from "../../../src/compile/compile-site.ts";
import type { ContentFiles } from "../../../src/content/content-files.ts";
import { formatProblem } from "../../../src/content/problem.ts";
import type { Release } from "../../../src/model/release.ts";
import type { SiteConfig } from "../../../src/model/site.ts";
import { bindingPort } from "../../../src/store/binding-port.ts";
import { publishBuild } from "../../../src/store/publish.ts";

/** The worker tests' own small blog (test/fixtures/site/), as files (Vite reads them at test build time). */
const fixtureSources = import.meta.glob("../../fixtures/site/**/*.{md,markdown,html}", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;
const fixtureConfig = import.meta.glob("../../fixtures/site/_config.yml", { query: "?raw", import: "default", eager: true }) as Record<
  string,
  string
>;
const fixtureMedia = import.meta.glob("../../fixtures/site/**/*.svg", { query: "?raw", import: "default", eager: true }) as Record<
  string,
  string
>;

const PREFIX = "../../fixtures/site/";

/** The fixture blog: a WordPress-style post with HTML blocks and entities, three dated posts, a page, an image. */
export function fixtureSite(): ContentFiles {
  const rel = (p: string) => p.slice(PREFIX.length);
  return {
    files: Object.entries(fixtureSources).map(([p, text]) => ({ path: rel(p), text, inPosts: rel(p).startsWith("_posts/") })),
    config: { path: "_config.yml", text: Object.values(fixtureConfig)[0] ?? "" },
    media: Object.entries(fixtureMedia).map(([p, text]) => ({ path: rel(p), bytes: new TextEncoder().encode(text) })),
    skipped: [],
    problems: [],
  };
}

/**
 * Content made of the given files only: `{ "_posts/2020-01-01-x.md": "---\n..." }`. Files under `_data/`
 * are site data; `media` are served files (path → bytes or text).
 */
export function contentOf(
  files: Record<string, string>,
  config: string | null = null,
  media: Record<string, string | Uint8Array> = {},
): ContentFiles {
  const sources = Object.entries(files);
  return {
    files: sources
      .filter(([path]) => !path.startsWith("_data/"))
      .map(([path, text]) => ({ path, text, inPosts: path.startsWith("_posts/") })),
    data: sources.filter(([path]) => path.startsWith("_data/")).map(([path, text]) => ({ path, text })),
    config: config === null ? null : { path: "_config.yml", text: config },
    media: Object.entries(media).map(([path, bytes]) => ({
      path,
      bytes: typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes,
    })),
    skipped: [],
    problems: [],
  };
}

/** Publishes into the test's KV binding and returns the live release; throws on content problems. */
export async function publish(
  content: ContentFiles,
  options: { kv?: KVNamespace; site?: Partial<SiteConfig>; now?: Date } = {},
): Promise<Release> {
  const now = options.now ?? new Date("2026-11-25T12:00:00Z");
  const reading = compileSite(content, options.site, now.getTime());
  if (reading.build === null) throw new Error(reading.problems.map(formatProblem).join("\n"));
  const result = await publishBuild(bindingPort(options.kv ?? env.BLOG), reading.build, {
    now,
    dryRun: false,
  });
  return result.release;
}

/** The Jekyll fixture sites (test/fixtures/jekyll/), as files. */
const jekyllSources = import.meta.glob("../../fixtures/jekyll/**/*", { query: "?raw", import: "default", eager: true }) as Record<
  string,
  string
>;

/** A Jekyll fixture site with one of its `_variants/` as its `_config.yml`, read as the CLI's loader reads it. */
export function jekyllFixture(site: string, variant: string): ContentFiles {
  const prefix = `../../fixtures/jekyll/${site}/`;
  const files: ContentFiles["files"] = [];
  const media: ContentFiles["media"] = [];
  for (const [path, text] of Object.entries(jekyllSources)) {
    if (!path.startsWith(prefix)) continue;
    const rel = path.slice(prefix.length);
    if (rel.split("/").some((segment) => segment.startsWith("_") && segment !== "_posts")) continue;
    if (/\.(md|html|xml|txt|scss)$/.test(rel)) files.push({ path: rel, text, inPosts: rel.includes("_posts/") });
    else media.push({ path: rel, bytes: new TextEncoder().encode(text) });
  }
  const config = jekyllSources[`${prefix}_variants/${variant}.yml`];
  if (config === undefined) throw new Error(`no variant ${variant} in ${site}`);
  return { files, config: { path: "_config.yml", text: config }, media, skipped: [], problems: [] };
}

/** A Jekyll site with its own theme (test/fixtures/theme/): layouts, an include, a home page template and a category page. */
const themeSources = import.meta.glob("../../fixtures/theme/**/*", { query: "?raw", import: "default", eager: true }) as Record<
  string,
  string
>;

export function themeFixture(edit: (path: string, text: string) => string = (_path, text) => text): ContentFiles {
  const prefix = "../../fixtures/theme/";
  const out: ContentFiles = { files: [], config: null, media: [], layouts: [], includes: [], skipped: [], problems: [] };
  for (const [path, raw] of Object.entries(themeSources)) {
    const rel = path.slice(prefix.length);
    const text = edit(rel, raw);
    if (rel === "_config.yml") out.config = { path: rel, text };
    else if (rel.startsWith("_layouts/")) out.layouts?.push({ path: rel.slice("_layouts/".length), text });
    else if (rel.startsWith("_includes/")) out.includes?.push({ path: rel.slice("_includes/".length), text });
    else if (rel.startsWith("static/")) out.media.push({ path: rel, bytes: new TextEncoder().encode(text) });
    else out.files.push({ path: rel, text, inPosts: rel.startsWith("_posts/") });
  }
  return out;
}

/** A Jekyll site whose layouts use markdownify, post_url, link and include_relative, with code and attribute lists (test/fixtures/theme-kramdown/). */
const kramdownSources = import.meta.glob("../../fixtures/theme-kramdown/**/*", { query: "?raw", import: "default", eager: true }) as Record<
  string,
  string
>;

/** test/fixtures/theme-kramdown/ as the CLI's loader reads it; `expected` holds Debian jekyll's build of it (`_expected/`). */
export function kramdownFixture(): { content: ContentFiles; expected: Record<string, string> } {
  const prefix = "../../fixtures/theme-kramdown/";
  const content: ContentFiles = { files: [], config: null, media: [], layouts: [], includes: [], skipped: [], problems: [] };
  const expected: Record<string, string> = {};
  for (const [path, text] of Object.entries(kramdownSources)) {
    const rel = path.slice(prefix.length);
    if (rel === "_config.yml") content.config = { path: rel, text };
    else if (rel.startsWith("_expected/")) expected[rel.slice("_expected/".length)] = text;
    else if (rel.startsWith("_layouts/")) content.layouts?.push({ path: rel.slice("_layouts/".length), text });
    else if (rel.startsWith("_includes/")) content.includes?.push({ path: rel.slice("_includes/".length), text });
    else content.files.push({ path: rel, text, inPosts: rel.startsWith("_posts/") });
  }
  return { content, expected };
}
