/**
 * The real-content check's share for navigation: every archive answers with its posts, archive feeds
 * parse (feedparser), every post can be found by searching for its title, and the sitemap lists every
 * post, page and archive (well-formed per xmllint) with robots.txt pointing at it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeHTML } from "entities";
import type { SiteBuild } from "../../src/compile/types.ts";
import { encodePath } from "../../src/format/urls.ts";
import type { ListModel } from "../../src/model/page-models.ts";
import { feedparser } from "./checkers.ts";
import type { LocalWorker } from "./local-worker.ts";

export interface NavigationCheck {
  worker: LocalWorker;
  build: SiteBuild;
  fail(message: string): void;
  /** Keeps a page for the HTML checker. */
  save(name: string, body: string): void;
}

/** How many archive feeds go through feedparser (one Python process each); the rest are fetched only. */
const PARSED_FEEDS = 60;

export async function checkNavigation({ worker, build, fail, save }: NavigationCheck): Promise<void> {
  const archives: ListModel[] = [];
  for (const [path, page] of build.pages) {
    if (page.model.kind === "list" && page.model.page === 1 && path !== "/") archives.push(page.model);
  }
  let ok = 0;
  let parsed = 0;
  for (const [i, archive] of archives.entries()) {
    const res = await worker.fetch(encodePath(archive.base));
    const body = await res.text();
    const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(body)?.[1];
    const first = archive.posts[0]?.permalink;
    if (res.status !== 200) fail(`${archive.base} answered ${res.status}`);
    else if (h1 === undefined || decodeHTML(h1).trim() !== archive.heading) fail(`${archive.base}: heading ${JSON.stringify(h1)}`);
    // An archive without posts is one the old site had a page for (a category page with nothing filed yet).
    else if (first !== undefined && !body.includes(`href="${encodePath(first)}"`)) fail(`${archive.base} does not link ${first}`);
    else ok++;
    if (i % 10 === 0) save(archive.base, body);

    if (archive.feed === undefined) continue;
    const feedRes = await worker.fetch(encodePath(archive.feed));
    if (feedRes.status !== 200) fail(`${archive.feed} answered ${feedRes.status}`);
    else if (parsed < PARSED_FEEDS && i % Math.max(1, Math.floor(archives.length / PARSED_FEEDS)) === 0) {
      parsed++;
      const verdict = feedparser(await feedRes.text());
      // A one-page archive shows all its posts, so its feed holds exactly as many (up to the feed size).
      const least = Math.min(build.site.feedSize, archive.posts.length);
      const countOk = archive.pages === 1 ? verdict.entries === least : verdict.entries >= least;
      if (verdict.bozo) fail(`${archive.feed} does not parse: ${verdict.reason}`);
      else if (!countOk) fail(`${archive.feed} has ${verdict.entries} items, expected ${least}`);
    } else await feedRes.arrayBuffer();
  }
  console.log(`archives: ${ok}/${archives.length} answered 200 with their heading and posts; ${parsed} of their feeds parsed (feedparser)`);

  const posts = build.entries.filter((p) => build.pages.get(p.permalink)?.view === "post");
  let found = 0;
  for (const [i, post] of posts.entries()) {
    const res = await worker.fetch(`/?s=${encodeURIComponent(post.title)}`);
    const body = await res.text();
    if (res.status !== 200) fail(`search for ${JSON.stringify(post.title)} answered ${res.status}`);
    else if (!body.includes(`href="${encodePath(post.permalink)}"`)) fail(`${post.source}: searching its title does not find it`);
    else found++;
    if (i === 0) save("search", body);
  }
  console.log(`search: ${found}/${posts.length} posts and pages found by searching their title`);

  const sitemap = await (await worker.fetch("/sitemap.xml")).text();
  const locs = new Set([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(decodeHTML(m[1] ?? "")).pathname));
  const expected = [...posts.map((p) => p.permalink), ...archives.map((a) => a.base), "/"].map(encodePath);
  const missing = expected.filter((path) => !locs.has(path));
  for (const path of missing.slice(0, 20)) fail(`/sitemap.xml does not list ${path}`);
  const xmllint = wellFormed(sitemap);
  if (xmllint !== null) fail(`/sitemap.xml is not well-formed: ${xmllint}`);
  console.log(`sitemap: ${locs.size} URLs, ${expected.length - missing.length}/${expected.length} expected listed, well-formed (xmllint)`);

  const robots = await (await worker.fetch("/robots.txt")).text();
  if (!/^Sitemap: https?:\/\/[^/]+\/sitemap\.xml$/m.test(robots)) fail(`/robots.txt does not point at the sitemap: ${robots}`);
}

/** null when xmllint finds the XML well-formed, else its complaint. */
function wellFormed(xml: string): string | null {
  const dir = mkdtempSync(join(tmpdir(), "edgepress-sitemap-"));
  try {
    const file = join(dir, "sitemap.xml");
    writeFileSync(file, xml);
    const run = spawnSync("xmllint", ["--noout", file], { encoding: "utf8" });
    if (run.error) throw new Error(`xmllint is needed (Debian libxml2-utils): ${run.error.message}`);
    return run.status === 0 ? null : run.stderr.trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
