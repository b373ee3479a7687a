/** A watching process's publishes (`npm run dev`): what it keeps in memory changes how much it reads and packs, never what it publishes. */
import { describe, expect, it } from "vitest";
import { compileSite } from "../../../src/compile/compile-site.ts";
import type { SiteBuild } from "../../../src/compile/types.ts";
import { decodeBucket, modelText } from "../../../src/store/bucket-format.ts";
import { BUCKET_TARGET_BYTES } from "../../../src/store/buckets.ts";
import { CURRENT_KEY } from "../../../src/store/keys.ts";
import { PublishMemory, type PublishResult, publishBuild } from "../../../src/store/publish.ts";
import { parseRelease } from "../../../src/store/release-codec.ts";
import { MemoryKv } from "../helpers/memory-kv.ts";
import { post } from "../helpers/real-cli.ts";

type Files = Record<string, string>;

function build(files: Files): SiteBuild {
  const reading = compileSite({
    files: Object.entries(files).map(([path, text]) => ({ path, text, inPosts: false })),
    config: { path: "_config.yml", text: "title: T\ntimezone: UTC\n" },
    media: [],
    skipped: [],
    problems: [],
  });
  if (reading.build === null) throw new Error(JSON.stringify(reading.problems));
  return reading.build;
}

/** Enough posts, tags and text for several buckets, so that an edit leaves most of them alone. */
function blog(): Files {
  const files: Files = {};
  for (let n = 1; n <= 60; n++) {
    const day = String((n % 28) + 1).padStart(2, "0");
    const month = String((n % 12) + 1).padStart(2, "0");
    const body = `Post ${n} says ${"something worth reading about the mountains. ".repeat(40)}`;
    files[`posts/2024-${month}-${day}-p${n}.md`] = post(`Post ${n}`, `2024-${month}-${day}`, body, `tags: [t${n % 5}]\n`);
  }
  return files;
}

/** The saves an author makes while writing: an edit, a new title, a new post, a removed one, nothing, and back. */
function saves(): Files[] {
  const first = blog();
  const edited = { ...first, "posts/2024-02-02-p1.md": post("Post 1", "2024-02-02", "A new first paragraph.", "tags: [t1]\n") };
  const retitled = { ...edited, "posts/2024-03-03-p2.md": post("Post two, renamed", "2024-03-03", "Text.", "tags: [t2]\n") };
  const added = { ...retitled, "posts/2024-12-30-new.md": post("A new one", "2024-12-30", "Fresh.", "tags: [t9]\n") };
  const removed = Object.fromEntries(Object.entries(added).filter(([path]) => path !== "posts/2024-04-04-p3.md"));
  if (Object.keys(removed).length !== Object.keys(added).length - 1) throw new Error("the post to remove is not there");
  return [first, edited, retitled, added, removed, removed, edited];
}

const at = (n: number) => ({ now: new Date(Date.UTC(2026, 10, 1, 12, n)), dryRun: false });
const planOf = (r: PublishResult) => ({
  added: r.added,
  changed: r.changed,
  removed: r.removed,
  unchanged: r.unchanged,
  written: r.written,
});

/** Every key the live release answers, with its answers and their models as read back from KV. */
function served(kv: MemoryKv): Map<string, string> {
  const release = parseRelease(kv.data.get(CURRENT_KEY) ?? "");
  const out = new Map<string, string>();
  for (const hash of [...(release?.buckets ?? []), ...Object.values(release?.solo ?? {})]) {
    const bucket = decodeBucket(new TextEncoder().encode(kv.data.get(`v2:value:${hash}`) ?? ""));
    for (const [key, answers] of Object.entries(bucket.header.k)) {
      const resolved = answers.map((a) => (a[1] === "redirect" || a[1] === "gone" ? a : [a[0], a[1], JSON.parse(modelText(bucket, a[2]))]));
      out.set(key, JSON.stringify(resolved));
    }
  }
  return out;
}

/** A KV that counts what a publish asks of it. */
class CountingKv extends MemoryKv {
  readonly reads: string[] = [];
  readonly lists: string[] = [];
  override async get(key: string): Promise<string | null> {
    this.reads.push(key);
    return super.get(key);
  }
  override async list(prefix: string): Promise<string[]> {
    this.lists.push(prefix);
    return super.list(prefix);
  }
}

describe("publishing from a watching process's memory", () => {
  it("leaves KV, every release and every plan exactly as publishes without it do, save after save", async () => {
    const fast = new MemoryKv();
    const plain = new MemoryKv();
    const memory = new PublishMemory(BUCKET_TARGET_BYTES);
    for (const [n, files] of saves().entries()) {
      const site = build(files);
      const a = await publishBuild(fast, site, { ...at(n), memory });
      const b = await publishBuild(plain, build(files), at(n));
      expect(planOf(a), `save ${n}`).toEqual(planOf(b));
      expect(new Map(fast.data), `save ${n}`).toEqual(new Map(plain.data));
    }
  });

  it("ends with the release a fresh publish of the final content makes", async () => {
    const fast = new MemoryKv();
    const memory = new PublishMemory(BUCKET_TARGET_BYTES);
    const all = saves();
    for (const [n, files] of all.entries()) await publishBuild(fast, build(files), { ...at(n), memory });
    const fresh = new MemoryKv();
    await publishBuild(fresh, build(all.at(-1) ?? {}), at(0));
    const mine = parseRelease(fast.data.get(CURRENT_KEY) ?? "");
    const theirs = parseRelease(fresh.data.get(CURRENT_KEY) ?? "");
    expect(mine?.buckets.length).toBeGreaterThan(1);
    expect(mine?.id).toBe(theirs?.id);
    for (const hash of mine?.buckets ?? []) expect(fast.data.get(`v2:value:${hash}`)).toBe(fresh.data.get(`v2:value:${hash}`));
  });

  it("reads only the pointer after its first publish, and packs only the buckets that changed", async () => {
    const kv = new CountingKv();
    const memory = new PublishMemory(BUCKET_TARGET_BYTES);
    const [first = {}, edited = {}] = saves();
    const one = await publishBuild(kv, build(first), { ...at(0), memory });
    expect(memory.pack.encodedLast).toBe(one.release.buckets.length);
    kv.reads.length = 0;
    kv.lists.length = 0;
    const two = await publishBuild(kv, build(edited), { ...at(1), memory });
    expect(kv.reads).toEqual([CURRENT_KEY]);
    expect(kv.lists).toEqual([]);
    expect(two.changed.length).toBeGreaterThan(0);
    expect(memory.pack.encodedLast).toBe(two.newValues);
    const three = await publishBuild(kv, build(edited), { ...at(2), memory });
    expect(three.written).toBe(0);
    expect(memory.pack.encodedLast).toBe(0);
  });

  it("serialises only the models an edit changed, and a new title still reaches every page that names it", async () => {
    const kv = new MemoryKv();
    const memory = new PublishMemory(BUCKET_TARGET_BYTES);
    const [first = {}, edited = {}, retitled = {}] = saves();
    await publishBuild(kv, build(first), { ...at(0), memory });
    const total = memory.pack.json.serialisedLast;
    await publishBuild(kv, build(edited), { ...at(1), memory });
    expect(memory.pack.json.serialisedLast).toBeGreaterThan(0);
    expect(memory.pack.json.serialisedLast).toBeLessThan(total / 4);

    const site = build(retitled);
    await publishBuild(kv, site, { ...at(2), memory });
    // Its neighbours' prev/next, its tag's archive, the home page, the feeds and the sitemap name it.
    const naming = [...site.pages].filter(([, page]) => JSON.stringify(page.model).includes("Post two, renamed")).map(([path]) => path);
    expect(naming.length).toBeGreaterThan(4);
    const stored = [...kv.data.values()].join("\n");
    for (const path of naming) expect(stored, path).toContain(JSON.stringify(site.pages.get(path)?.model));
  });

  it("packs a local preview's small buckets: an edit writes far fewer bytes, and every key answers as a reader's site's would", async () => {
    const preview = new MemoryKv();
    const plain = new MemoryKv();
    const memory = new PublishMemory();
    const bytes: Array<[number, number]> = [];
    for (const [n, files] of saves().entries()) {
      const mine = await publishBuild(preview, build(files), { ...at(n), memory });
      const theirs = await publishBuild(plain, build(files), at(n));
      expect(planOf(mine).changed, `save ${n}`).toEqual(planOf(theirs).changed);
      expect(served(preview), `save ${n}`).toEqual(served(plain));
      bytes.push([mine.bytes, theirs.bytes]);
    }
    expect(parseRelease(preview.data.get(CURRENT_KEY) ?? "")?.buckets.length).toBeGreaterThan(
      (parseRelease(plain.data.get(CURRENT_KEY) ?? "")?.buckets.length ?? 0) * 4,
    );
    const [edit = [0, 0]] = bytes.slice(1);
    expect(edit[0]).toBeLessThan(edit[1] / 2);
  });

  it("reads everything again when someone else published in between", async () => {
    const kv = new CountingKv();
    const memory = new PublishMemory(BUCKET_TARGET_BYTES);
    const [first = {}, edited = {}, retitled = {}] = saves();
    await publishBuild(kv, build(first), { ...at(0), memory });
    const other = await publishBuild(kv, build(retitled), at(1));
    kv.lists.length = 0;
    const mine = await publishBuild(kv, build(edited), { ...at(2), memory });
    expect(kv.lists.length).toBeGreaterThan(0);

    const plain = new MemoryKv();
    await publishBuild(plain, build(first), at(0));
    await publishBuild(plain, build(retitled), at(1));
    const theirs = await publishBuild(plain, build(edited), at(2));
    expect(other.release.id).not.toBe(mine.release.id);
    expect(planOf(mine)).toEqual(planOf(theirs));
    expect(new Map(kv.data)).toEqual(new Map(plain.data));
  });
});
