/**
 * What is and is not published, from real files on disk through the real app; archive feeds and the
 * sitemap checked by independent parsers (feedparser, xmllint) when they are installed.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type MemorySite, memorySite } from "../../scripts/lib/memory-site.ts";

const FILES: Record<string, string> = {
  "_posts/2020-01-01-visible.md": "---\ntitle: Visible\ncategories: [Notes]\ntags: [Eyjafjallajökull]\n---\nShown.\n",
  "_posts/2020-01-02-hidden.md": "---\ntitle: Hidden flag\npublished: false\ncategories: [Notes]\n---\nNever.\n",
  "_posts/2020-01-03-status.md": "---\ntitle: Draft status\nstatus: draft\n---\nNever.\n",
  "_posts/2020-01-04-other.md": "---\ntitle: Attachment\nlayout: attachment\n---\nNever.\n",
  "_drafts/2020-01-05-draft.md": "---\ntitle: In drafts\n---\nNever.\n",
  "about.md": "---\ntitle: About\nlayout: page\n---\nA page.\n",
};

let site: MemorySite;
let root: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "edgepress-published-"));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  site = await memorySite(root, new Date("2026-01-01T00:00:00Z"));
});

const body = async (path: string) => (await site.get(path)).text();

describe("what is published", () => {
  it("serves posts and pages only", async () => {
    expect((await site.get("/2020/01/visible/")).status).toBe(200);
    expect((await site.get("/about/")).status).toBe(200);
    for (const path of ["/2020/01/hidden/", "/2020/01/status/", "/2020/01/other/", "/2020/01/draft/", "/other/"]) {
      expect((await site.get(path)).status, path).toBe(404);
    }
  });

  it("leaves the unpublished out of lists, archives, feeds, search and the sitemap", async () => {
    const everywhere = [
      "/",
      "/feed/",
      "/category/notes/",
      "/category/notes/feed/",
      "/2020/",
      "/2020/01/",
      "/sitemap.xml",
      "/?s=never",
      "/?s=hidden",
    ];
    for (const path of everywhere) {
      const text = await body(path);
      for (const title of ["Hidden flag", "Draft status", "Attachment", "In drafts", "/2020/01/hidden/"])
        expect(text, path).not.toContain(title);
    }
    expect(await body("/category/notes/")).toContain("Visible");
    expect((await site.get("/2020/01/02/")).status).toBe(404);
  });
});

const python = "/usr/bin/python3";
const hasFeedparser =
  existsSync(python) &&
  (() => {
    try {
      execFileSync(python, ["-c", "import feedparser"]);
      return true;
    } catch {
      return false;
    }
  })();
const hasXmllint = (() => {
  try {
    execFileSync("xmllint", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describe("independent checks", () => {
  it.skipIf(!hasFeedparser)("archive feeds parse cleanly in feedparser", async () => {
    for (const path of ["/category/notes/feed/", "/tag/eyjafjallaj%C3%B6kull/feed/", "/2020/feed/"]) {
      const file = join(root, "feed.xml");
      writeFileSync(file, await body(path));
      const out = execFileSync(python, [
        "-c",
        "import feedparser,sys,json; d=feedparser.parse(sys.argv[1]); print(json.dumps([int(d.bozo), [e.title for e in d.entries], d.feed.get('title')]))",
        file,
      ]).toString();
      const [bozo, titles] = JSON.parse(out) as [number, string[]];
      expect(bozo, path).toBe(0);
      expect(titles, path).toEqual(["Visible"]);
    }
  });

  it.skipIf(!hasXmllint)("the sitemap is well-formed XML", async () => {
    const file = join(root, "sitemap.xml");
    writeFileSync(file, await body("/sitemap.xml"));
    expect(() => execFileSync("xmllint", ["--noout", file], { stdio: "pipe" })).not.toThrow();
  });
});
