import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { openLocalKv } from "../../../src/cli/kv/local-kv.ts";
import { withWranglerDefaults } from "../../../src/cli/wrangler-env.ts";
import { CURRENT_KEY, valueKey } from "../../../src/store/keys.ts";
import { parseRelease } from "../../../src/store/release-codec.ts";
import { releaseContents } from "../../../src/store/release-contents.ts";
import { runCli, tempFolder } from "../helpers/cli.ts";

const post = (title: string, permalink: string, extra = "") =>
  `---\ntitle: ${title}\ndate: 2020-01-02T10:00:00+00:00\nauthor: me\nlayout: post\npermalink: ${permalink}\n${extra}---\nBody of ${title}.\n`;

describe("publish: bad content never half-publishes", () => {
  it("lists every problem in every file as file:line: reason, exits 1 and writes nothing", async () => {
    const root = tempFolder({
      "_posts/2020-01-01-good.md": post("Good", "/good/"),
      "_posts/2020-01-02-broken-yaml.md": "---\ntitle: Broken\ntags: [a, b\nauthor: x\n---\nText\n",
      "_posts/2020-01-03-bad-pattern.md": "---\ntitle: Bad pattern\ndate: 2020-01-03\npermalink: /:year/:nope/\n---\nText\n",
      "_posts/2020-01-04-bad-date.md": "---\ntitle: Bad date\ndate: 2020-02-31\n---\n",
      "_posts/2020-01-05-twin.md": post("Twin", "/good/"),
      "_posts/2020-01-06-latin1.md": new Uint8Array([...Buffer.from("---\ntitle: caf"), 0xe9, ...Buffer.from("\n---\n")]),
    });
    const run = await runCli(["publish", "--content", root], { cwd: "/" });
    expect(run.code).toBe(1);
    expect(run.kv.writes).toEqual([]);
    expect(run.stderr[0]).toMatch(/^Nothing was published: 5 problems/);
    expect(run.stderr.slice(1)).toEqual([
      "_posts/2020-01-02-broken-yaml.md:4: invalid YAML in front matter: Flow sequence in block collection must be sufficiently indented and end with a ]",
      '_posts/2020-01-03-bad-pattern.md:4: permalink "/:year/:nope/" uses :nope, which is not a permalink placeholder',
      '_posts/2020-01-04-bad-date.md:3: unparseable date "2020-02-31" (expected YYYY-MM-DD, optionally with time and zone)',
      // Clashes between files that parsed are reported in the same run, not after the other fixes.
      "_posts/2020-01-05-twin.md:6: permalink /good/ is also claimed by _posts/2020-01-01-good.md",
      "_posts/2020-01-06-latin1.md:2: file is not UTF-8 text (re-save it as UTF-8)",
    ]);
  });

  it("reports two posts claiming one permalink, naming both files", async () => {
    const root = tempFolder({ "a.md": post("A", "/same/"), "b.md": post("B", "/same/") });
    const run = await runCli(["publish", "--content", root], { cwd: "/" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("b.md:6: permalink /same/ is also claimed by a.md");
    expect(run.kv.writes).toEqual([]);
  });

  it("leaves the live release untouched when a later publish fails", async () => {
    const root = tempFolder({ "a.md": post("A", "/a/") });
    const first = await runCli(["publish", "--content", root], { cwd: "/" });
    expect(first.code).toBe(0);
    const before = new Map(first.kv.data);
    const broken = tempFolder({ "a.md": post("A", "/a/"), "b.md": "---\ntitle: [unclosed\n---\n" });
    const second = await runCli(["publish", "--content", broken], { cwd: "/", kv: first.kv });
    expect(second.code).toBe(1);
    expect(second.kv.data).toEqual(before);
  });
});

describe("publish: a Jekyll site", () => {
  it("publishes a post that repeats a key, warns at its line, and names the templates it left out", async () => {
    const root = tempFolder({
      "_config.yml": "title: Old blog\ntitle: Old blog, again\n",
      "_posts/2020-01-01-a.md": "---\ntitle: A\nredirect_from: /old-a/\nredirect_from: /older-a/\n---\n{% include note.html %}\n",
      "feed.xml": "---\nlayout: null\n---\n<rss>{% for post in site.posts %}<guid>{{ post.url }}</guid>{% endfor %}</rss>\n",
      "tags.html": "---\ntitle: Tags\n---\n{% for tag in site.tags %}{{ tag[0] }}{% endfor %}\n",
    });
    const run = await runCli(["publish", "--content", root], { cwd: "/" });
    expect(run.code).toBe(0);
    expect(run.stderr).toEqual([
      "_config.yml:2: warning: key title is given twice; the last value is used, as Jekyll does",
      "_posts/2020-01-01-a.md:4: warning: key redirect_from is given twice; the last value is used, as Jekyll does",
      "_posts/2020-01-01-a.md:6: warning: _includes/note.html is not in the site, so {% include note.html %} is shown as written (Jekyll stops on it)",
    ]);
    expect(run.stdout).toContain("Left out 2 Liquid templates (only Jekyll runs them):");
    expect(run.stdout).toContain("  feed.xml (/feed.xml): the site's feed answers there (RSS, with the entry ids its subscribers have)");
    expect(run.stdout).toContain("  tags.html (/tags.html): nothing answers there now");
    expect(run.stdout.some((line) => line.includes("+ /2020/01/01/a.html"))).toBe(true);
  });
});

describe("publish: Liquid in a Jekyll site's posts", () => {
  it("stops at a template error, naming its file, line and column, and writes nothing", async () => {
    const root = tempFolder({
      "_posts/2020-01-01-a.md": "---\ntitle: A\n---\nFine {{ page.title }}\n\nthen {% for x in site.posts %}never closed\n",
      "_posts/2020-01-02-b.md": "---\ntitle: B\n---\nB\n",
    });
    const run = await runCli(["publish", "--content", root], { cwd: "/" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("_posts/2020-01-01-a.md:6:6: Liquid: tag {% for x in site.posts %} not closed");
    expect(run.kv.writes).toEqual([]);
  });
});

describe("publish: plans and idempotence", () => {
  it("prints a plan and writes nothing on --dry-run", async () => {
    const root = tempFolder({ "_posts/2020-01-01-a.md": post("A", "/a/") });
    const run = await runCli(["publish", "--content", root, "--dry-run"], { cwd: "/" });
    expect(run.code).toBe(0);
    // One post: its page, the home page and feed, its year, month, day and author archives with their feeds, the sitemap.
    expect(run.stdout.join("\n")).toContain(
      "Plan for memory KV: 15 added, 0 changed, 0 removed, 0 unchanged paths; 3 KV writes (1 new values, ",
    );
    expect(run.stdout).toContain("Dry run: nothing was written.");
    expect(run.kv.writes).toEqual([]);
  });

  it("writes nothing when the same content is published again", async () => {
    const root = tempFolder({ "_posts/2020-01-01-a.md": post("A", "/a/"), "about.md": "---\ntitle: About\n---\nHi\n" });
    const first = await runCli(["publish", "--content", root], { cwd: "/" });
    const written = first.kv.writes.length;
    expect(written).toBeGreaterThan(2);
    const second = await runCli(["publish", "--content", root], { cwd: "/", kv: first.kv });
    expect(second.code).toBe(0);
    expect(second.kv.writes.length).toBe(written);
    expect(second.stdout.at(-1)).toMatch(/^Already live: release [0-9a-f]{32} \(nothing new to write\)\.$/);
  });

  it("skips drafts, unpublished posts and other layouts, and says so", async () => {
    const root = tempFolder({
      "_posts/2020-01-01-a.md": post("A", "/a/"),
      "_drafts/idea.md": post("Idea", "/idea/"),
      "_posts/2020-01-02-hidden.md": post("Hidden", "/hidden/", "published: false\n"),
      "_posts/2020-01-03-rev.md": "---\ntitle: Rev\nlayout: revision\n---\n",
    });
    const run = await runCli(["publish", "--content", root], { cwd: "/" });
    expect(run.stdout[0]).toBe(`Read ${root}: 1 posts, 0 pages, 0 media files, 3 skipped`);
    expect(run.stdout).toContain("  skipped _drafts/: drafts are never published");
    const release = parseRelease(run.kv.data.get(CURRENT_KEY) ?? "");
    if (release === null) throw new Error("nothing published");
    const paths = [...(await releaseContents((hash) => run.kv.get(valueKey(hash)), release)).keys()];
    expect(paths).toContain("/a/");
    expect(paths.filter((p) => /hidden|idea|rev/.test(p))).toEqual([]);
  });
});

describe("publish end to end", () => {
  const ROOT = resolve(import.meta.dirname, "../../..");
  const require = createRequire(import.meta.url);

  it("runs the real command into a local KV that wrangler dev reads", async () => {
    const content = tempFolder({ "_posts/2020-01-01-hello.md": post("Hello", "/hello/"), "_config.yml": "title: Test Site\n" });
    const persist = mkdtempSync(join(tmpdir(), "edgepress-kv-"));
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [require.resolve("tsx/cli"), "src/cli/index.ts", "publish", "--content", content, "--persist-to", persist],
        { cwd: ROOT, env: withWranglerDefaults(process.env) },
      );
      // One bucket for a site this small, the pointer and the history.
      expect(stdout).toMatch(/Wrote 3 keys\. Release [0-9a-f]{32} \(#1\) is live\./);

      const kv = await openLocalKv(join(ROOT, "wrangler.toml"), persist);
      try {
        const release = parseRelease((await kv.port.get(CURRENT_KEY)) ?? "");
        if (release === null) throw new Error("nothing published");
        expect(release.site.title).toBe("Test Site");
        expect((await releaseContents((hash) => kv.port.get(valueKey(hash)), release)).get("/hello/")?.[0]?.[1]).toBe("post");
      } finally {
        await kv.close();
      }
    } finally {
      rmSync(persist, { recursive: true, force: true });
    }
  });
});

describe("publish: media the plans cannot serve", () => {
  it("warns, naming the count, when the media pass the Free plan's 20,000 static assets", async () => {
    const files: Record<string, string | Uint8Array> = { "a.md": post("A", "/a/") };
    const pixel = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    for (let i = 0; i <= 20_000; i++) files[`uploads/${Math.floor(i / 1000)}/p${i}.png`] = pixel;
    const root = tempFolder(files);
    try {
      const run = await runCli(["publish", "--content", root, "--dry-run"], { cwd: "/" });
      expect(run.code).toBe(0);
      expect(run.stderr).toContain(
        "Warning: 20,001 media files: the Workers Free plan serves at most 20,000 static assets a Worker (Workers Paid: 100,000).",
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
