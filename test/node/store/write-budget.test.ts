/**
 * KV's free plan allows 1,000 writes and 1,000 deletes a day. Whole blogs must move in within that,
 * counted here against the real local KV (Miniflare's store, the one `wrangler dev` serves): a real
 * blog (../shared/corpus/etiago) and a generated 1,000-post one, first publish, an edit, an
 * unchanged re-publish, and (etiago) an edit of the theme's CSS. The 10,000-post figure is measured by `npm run bench:publish`.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateSite } from "../../../scripts/bench/generate-site.ts";
import { openLocalKv } from "../../../src/cli/kv/local-kv.ts";
import { loadContent } from "../../../src/cli/load-content.ts";
import { mediaDigest } from "../../../src/cli/media-assets.ts";
import { sassCompiler } from "../../../src/cli/sass-compiler.ts";
import { compileSite } from "../../../src/compile/compile-site.ts";
import { MAX_BUCKET_BYTES } from "../../../src/store/buckets.ts";
import type { KvPort } from "../../../src/store/kv-port.ts";
import { publishBuild } from "../../../src/store/publish.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const ETIAGO = resolve(ROOT, "../shared/corpus/etiago");
const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

/** A port that counts what reaches KV. */
function counting(port: KvPort) {
  const counts = { writes: 0, deletes: 0, bytes: 0 };
  return {
    counts,
    port: {
      get: (key) => port.get(key),
      list: (prefix) => port.list(prefix),
      async putMany(entries) {
        counts.writes += entries.length;
        for (const e of entries) counts.bytes += Buffer.byteLength(e.value);
        await port.putMany(entries);
      },
      async deleteMany(keys) {
        counts.deletes += keys.length;
        await port.deleteMany(keys);
      },
    } satisfies KvPort,
  };
}

/** As `npm run publish` does: Sass compiled, the static files' digest recorded in the release. */
async function publishFolder(content: string, persist: string, at: Date) {
  const reading = compileSite(await loadContent(content), {}, at.getTime(), {}, sassCompiler(content));
  if (reading.build === null) throw new Error(`${content} does not publish`);
  const kv = await openLocalKv(join(ROOT, "wrangler.toml"), persist);
  try {
    const c = counting(kv.port);
    const result = await publishBuild(c.port, reading.build, { now: at, dryRun: false, media: mediaDigest(reading.media) });
    return { ...c.counts, result, posts: reading.posts };
  } finally {
    await kv.close();
  }
}

async function scratch(prefix: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

describe("KV writes of a whole blog", () => {
  it("publishes etiago in at most 50 writes, an edit in at most 17, and an unchanged site in none", async () => {
    const persist = await scratch("edgepress-budget-");
    const first = await publishFolder(ETIAGO, persist, new Date("2026-11-25T12:00:00Z"));
    expect(first.posts).toBeGreaterThan(100);
    expect(first.writes).toBeLessThanOrEqual(50);
    expect(first.writes).toBe(first.result.writes);
    // Cold requests read the pointer and one bucket, at most 1 MiB in all.
    expect(JSON.stringify(first.result.release).length).toBeLessThan(16 * 1024);
    for (const text of first.result.prepared.values.values()) expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_BUCKET_BYTES);

    const copy = await scratch("edgepress-etiago-");
    await cpDir(ETIAGO, copy);
    const post = join(copy, "_posts", "2009-10-15-sidekick-data-recovered-most-of-it-maybe-all.md");
    // Its title and its body, as an author edits a post.
    const text = await readFile(post, "utf8");
    await writeFile(post, `${text.replace(/^title: (.*)$/m, "title: $1 (updated)")}\n\nAn update, years later.\n`);
    const edit = await publishFolder(copy, persist, new Date("2026-11-26T12:00:00Z"));
    expect(edit.writes).toBeLessThanOrEqual(17);
    expect(edit.result.changed).toContain("/2009/10/sidekick-data-recovered-most-of-it-maybe-all/");

    const again = await publishFolder(copy, persist, new Date("2026-11-27T12:00:00Z"));
    expect(again.writes).toBe(0);

    // A theme's CSS edit, plain and Sass: the files are static assets, so no value is written; the
    // release records the new files' digest (the pointer, and the history that lists it).
    await writeFile(
      join(copy, "static/css/main.css"),
      `${await readFile(join(copy, "static/css/main.css"), "utf8")}\na { color: teal; }\n`,
    );
    const sass = join(copy, "static/css/projects.scss");
    await writeFile(sass, (await readFile(sass, "utf8")).replace("$text_size: 13px;", "$text_size: 14px;"));
    const css = await publishFolder(copy, persist, new Date("2026-11-28T12:00:00Z"));
    expect([css.result.newValues, css.writes, css.result.changed.length]).toEqual([0, 2, 0]);

    // A layout edit: the theme's templates are a value of their own, named by their content, and
    // `#theme` (the site data) names the new ones; no page carries the theme.
    const layout = join(copy, "_layouts", "default.html");
    await writeFile(layout, `${await readFile(layout, "utf8")}\n<!-- edited -->\n`);
    const themed = await publishFolder(copy, persist, new Date("2026-11-29T12:00:00Z"));
    expect(themed.writes).toBeLessThanOrEqual(17);
    expect(themed.result.changed).toEqual([]);
  }, 240_000);

  it("publishes a generated 1,000-post blog in at most 200 writes, and an edit of its newest post in at most 17", async () => {
    const content = await scratch("edgepress-gen-");
    await generateSite(content, 1_000);
    const persist = await scratch("edgepress-budget-");
    const first = await publishFolder(content, persist, new Date("2026-11-25T12:00:00Z"));
    expect(first.posts).toBe(1_000);
    expect(first.writes).toBeLessThanOrEqual(200);
    expect(first.deletes).toBe(0);

    // The post an author most often edits: the newest, on the home page, its archives' first pages
    // and every feed that follows them.
    const newest = join(content, "posts", (await readdir(join(content, "posts"))).sort().at(-1) ?? "");
    const text = await readFile(newest, "utf8");
    await writeFile(newest, `${text.replace(/^title: "(.*)"$/m, 'title: "$1 (updated)"')}\n\nA correction.\n`);
    const edit = await publishFolder(content, persist, new Date("2026-11-26T12:00:00Z"));
    expect(edit.result.changed).toContain("/feed/");
    expect(edit.writes).toBeLessThanOrEqual(17);
  }, 240_000);
});

describe("KV writes of a theme edit", () => {
  it("publishes a layout edit of a themed site in 3 writes (the theme, the pointer, the history), and an unchanged site in none", async () => {
    const copy = await scratch("edgepress-theme-");
    await cpDir(resolve(ROOT, "test/fixtures/theme"), copy);
    const persist = await scratch("edgepress-budget-");
    const first = await publishFolder(copy, persist, new Date("2026-11-25T12:00:00Z"));
    expect(first.writes).toBeGreaterThan(0);

    // The theme is one value of the release: its pages do not carry it, so none of them changes.
    const layout = join(copy, "_layouts", "default.html");
    await writeFile(layout, (await readFile(layout, "utf8")).replace('<main class="frame">', '<main class="frame wide">'));
    const edit = await publishFolder(copy, persist, new Date("2026-11-26T12:00:00Z"));
    expect(edit.writes).toBe(3);
    expect(edit.result.newValues).toBe(1);
    expect(edit.result.changed).toEqual([]);

    const again = await publishFolder(copy, persist, new Date("2026-11-27T12:00:00Z"));
    expect(again.writes).toBe(0);
  }, 120_000);
});

async function cpDir(from: string, to: string): Promise<void> {
  const { cp } = await import("node:fs/promises");
  await cp(from, to, { recursive: true });
}
