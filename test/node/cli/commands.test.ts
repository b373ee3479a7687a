/** The command line with real files: content errors stop everything, `new` writes a post, usage. */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { KvTarget } from "../../../src/cli/deps.ts";
import { CURRENT_KEY } from "../../../src/store/keys.ts";
import { MemoryKv } from "../helpers/memory-kv.ts";
import { post, realDeps, tempDir, writeFiles } from "../helpers/real-cli.ts";

function withMemoryKv(dir: string) {
  const kv = new MemoryKv();
  const opened: KvTarget[] = [];
  const cli = realDeps(
    dir,
    {},
    {
      openKv: async (target) => {
        opened.push(target);
        return { port: kv, label: "memory KV", close: async () => {} };
      },
    },
  );
  return { kv, opened, ...cli };
}

describe("bad content", () => {
  it("reports every problem as file:line: reason, exits 1 and writes nothing", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "content/posts/2024-01-01-yaml.md": "---\ntitle: Broken\ntags: [unclosed\n---\nText\n",
      "content/posts/2024-01-02-untitled.md": "---\ndate: 2024-01-02\n---\nText\n",
      "content/posts/2024-01-03-baddate.md": "---\ntitle: Bad date\ndate: 2024-02-30\n---\nText\n",
      "content/posts/2024-01-04-one.md": post("One", "2024-01-04", "x", "permalink: /same/\nid: 7\n"),
      "content/posts/2024-01-05-two.md": post("Two", "2024-01-05", "x", "permalink: /same/\nid: 7\n"),
      "content/posts/2024-01-06-latin1.md": Buffer.concat([Buffer.from("---\ntitle: Caf"), Buffer.from([0xe9]), Buffer.from("\n---\n")]),
      "content/posts/2024-01-07-huge.md": post("Huge", "2024-01-07", "x".repeat(3 * 1024 * 1024)),
      "content/posts/2024-01-08-fine.md": post("Fine", "2024-01-08"),
    });
    const { run, opened, kv } = withMemoryKv(dir);
    const result = await run("publish");
    expect(result.code).toBe(1);
    const lines = result.err.split("\n");
    expect(lines[0]).toBe("Nothing was published: 7 problems to fix first.");
    const expected = [
      /^posts\/2024-01-01-yaml\.md:\d+: invalid YAML/,
      /^posts\/2024-01-02-untitled\.md:\d+: missing title/,
      /^posts\/2024-01-03-baddate\.md:3: .*2024-02-30/,
      /^posts\/2024-01-05-two\.md:4: permalink \/same\/ is also claimed by posts\/2024-01-04-one\.md/,
      /^posts\/2024-01-05-two\.md:5: id 7 is also used by posts\/2024-01-04-one\.md/,
      /^posts\/2024-01-06-latin1\.md:2: file is not UTF-8/,
      /^posts\/2024-01-07-huge\.md:1: file is 3\.0 MiB; a post may be at most 2 MiB/,
    ];
    for (const pattern of expected)
      expect(
        lines.some((l) => pattern.test(l)),
        String(pattern),
      ).toBe(true);
    expect(opened).toEqual([]);
    expect(kv.writes.length).toBe(0);
  });
});

describe("publish with a KV", () => {
  it("prints the plan, honours --dry-run, and publishes only what changed", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "content/posts/2024-01-01-a.md": post("A", "2024-01-01"),
      "content/posts/2024-01-02-b.md": post("B", "2024-01-02"),
    });
    const { run, kv } = withMemoryKv(dir);
    const dry = await run("publish", "--dry-run");
    expect(dry.out).toContain("Plan for memory KV: 16 added, 0 changed, 0 removed, 0 unchanged paths");
    expect(dry.out).toContain("Dry run: nothing was written.");
    expect(kv.writes.length).toBe(0);
    expect((await run("publish")).code).toBe(0);
    await writeFile(join(dir, "content/posts/2024-01-02-b.md"), post("B", "2024-01-02", "Edited."));
    const edit = await run("publish");
    // A site this small is one bucket: the edit rewrites it, then the pointer and the history.
    expect(edit.out).toMatch(/0 added, 11 changed, 0 removed, 5 unchanged paths; 3 KV writes \(1 new values, \d+ KiB\), 0 deletes/);
    expect(edit.out).toContain("Wrote 3 keys.");
    const again = await run("publish");
    expect(again.out).toContain("(nothing new to write)");
  });
});

describe("the KV write budget", () => {
  it("stops a publish over --budget or wrangler.toml's [vars] budget before writing anything, and --slice finishes it later", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "wrangler.toml": "name = 'b'\nmain = 'src/worker.ts'\n[[kv_namespaces]]\nbinding = 'BLOG'\nid = 'x'\n[vars]\nbudget = 2\n",
      "content/posts/2024-01-01-a.md": post("A", "2024-01-01"),
    });
    const { run, kv } = withMemoryKv(dir);
    const refused = await run("publish");
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("Nothing was published: this publish needs 3 KV writes and the budget is 2.");
    expect(kv.writes).toEqual([]);
    const flag = await run("publish", "--budget", "1");
    expect(flag.err).toContain("the budget is 1");
    expect(kv.writes).toEqual([]);

    const slice = await run("publish", "--budget", "1", "--slice");
    expect(slice.code).toBe(0);
    expect(slice.out).toContain("Wrote 1 of the 1 new values within the budget");
    expect(kv.data.has(CURRENT_KEY)).toBe(false);
    const rest = await run("publish", "--budget", "2", "--slice");
    expect(rest.out).toMatch(/Wrote 2 keys\. Release \w+ \(#1\) is live\./);
    expect(kv.data.has(CURRENT_KEY)).toBe(true);
  });
});

describe("new", () => {
  it("writes a dated post with front matter from _config.yml, and never overwrites", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "content/_config.yml": "title: X\nauthor: Ana Lima\ntimezone: Asia/Tokyo\n" });
    const { run } = realDeps(dir, {});
    const made = await run("new", 'Café: notes & "quotes"');
    expect(made.code).toBe(0);
    // 12:00 UTC is 21:00 in Tokyo.
    const file = join(dir, "content/posts/2026-11-25-café-notes-quotes.md");
    expect(made.out).toContain("content/posts/2026-11-25-café-notes-quotes.md");
    const text = await readFile(file, "utf8");
    expect(text).toContain(
      'title: "Café: notes & \\"quotes\\""\ndate: 2026-11-25 21:00:00 +0900\nauthor: "Ana Lima"\nlayout: post\ncategories: []\ntags: []\n',
    );

    // The post it wrote publishes as written, with its title intact.
    const publish = await withMemoryKv(dir).run("publish", "--dry-run");
    expect(publish.code).toBe(0);
    expect(publish.out).toContain("+ /2026/11/café-notes-quotes/");

    await writeFile(file, "my edits");
    const again = await run("new", 'Café: notes & "quotes"');
    expect(again.code).toBe(1);
    expect(again.err).toContain("already exists");
    expect(await readFile(file, "utf8")).toBe("my edits");
  });

  it("reads _config.yaml too, as publishing does", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "content/_config.yaml": "title: X\nauthor: Rui\ntimezone: Pacific/Auckland\n" });
    const made = await realDeps(dir, {}).run("new", "Summer");
    expect(made.code).toBe(0);
    // 12:00 UTC on 25 November is 01:00 the next day in Auckland (+13:00 in summer).
    const text = await readFile(join(dir, "content/posts/2026-11-26-summer.md"), "utf8");
    expect(text).toContain('date: 2026-11-26 01:00:00 +1300\nauthor: "Rui"\n');
  });

  it("stops on a broken settings file, naming its line, and writes nothing", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "content/_config.yml": "title: X\ntimezone: Mars/Olympus\n" });
    const made = await realDeps(dir, {}).run("new", "Nope");
    expect(made.code).toBe(1);
    expect(made.err).toMatch(/content\/_config\.yml:2: unknown time zone "Mars\/Olympus"/);
  });

  it("asks for a title", async () => {
    const { run } = realDeps(await tempDir(), {});
    const result = await run("new");
    expect(result.code).toBe(2);
    expect(result.err).toContain("new needs a title");
  });
});
