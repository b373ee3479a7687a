/** The watching process's publishes (`npm run dev`): tabs are told when the release is live, and a save reads only the pointer from KV. */
import { readFile, rm, utimes } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CliDeps } from "../../../src/cli/deps.ts";
import { PreviewSession } from "../../../src/cli/dev/preview-session.ts";
import { CURRENT_KEY, HISTORY_KEY } from "../../../src/store/keys.ts";
import type { KvEntry } from "../../../src/store/kv-port.ts";
import { MemoryKv } from "../helpers/memory-kv.ts";
import { post, tempDir, writeFiles } from "../helpers/real-cli.ts";

/** A KV that logs what is asked of it, in order. */
class LoggingKv extends MemoryKv {
  readonly log: string[] = [];
  override async get(key: string): Promise<string | null> {
    this.log.push(`get ${key}`);
    return super.get(key);
  }
  override async list(prefix: string): Promise<string[]> {
    this.log.push(`list ${prefix}`);
    return super.list(prefix);
  }
  override async putMany(entries: readonly KvEntry[]): Promise<void> {
    const keys = entries.map((e) => e.key);
    this.log.push(keys.includes(CURRENT_KEY) ? "pointer" : keys.includes(HISTORY_KEY) ? "history" : "values");
    return super.putMany(entries);
  }
}

/** A store that writes values and then the pointer in one call (as the local store does). */
class OneTripKv extends LoggingKv {
  async putThen(first: readonly KvEntry[], then: readonly KvEntry[]): Promise<void> {
    this.log.push(`put-then ${first.length} values, then ${then.map((e) => e.key).join(", ")}`);
    await MemoryKv.prototype.putMany.call(this, first);
    await MemoryKv.prototype.putMany.call(this, then);
  }
}

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

/** `assets`: the folder the session stages the media in (the Worker's static assets), else none. */
async function session(assets: string | null = null, kv: LoggingKv = new LoggingKv(), errors: string[] = []) {
  const root = await tempDir("edgepress-session-");
  folders.push(root);
  await writeFiles(root, {
    "posts/2026-01-02-hello.md": post("Hello", "2026-01-02"),
    "posts/2026-01-03-more.md": post("More", "2026-01-03"),
  });
  const deps: CliDeps = {
    cwd: root,
    env: {},
    stdout: () => {},
    stderr: (line) => errors.push(line),
    now: () => new Date("2026-02-01T00:00:00Z"),
    openKv: async () => ({ port: kv, label: "memory", close: async () => {} }),
    remoteAccount: async () => {
      throw new Error("the Cloudflare API must not be reached in this test");
    },
    runWrangler: async () => 0,
  };
  const preview = new PreviewSession(
    ".",
    { drafts: false, future: false },
    { port: kv, label: "memory", close: async () => {} },
    assets,
    deps,
  );
  return { root, kv, preview };
}

/** Writes files dated an hour ago: saved well before the compile, so a kept Sass compile may be reused (cli/sass-memo.ts). */
async function writeAged(root: string, files: Record<string, string>): Promise<void> {
  await writeFiles(root, files);
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const path of Object.keys(files)) await utimes(join(root, path), hourAgo, hourAgo);
}

describe("a save under npm run dev", () => {
  it("tells the tabs once the pointer is switched, before the history is written", async () => {
    const { root, kv, preview } = await session();
    await preview.publish();
    await writeFiles(root, { "posts/2026-01-02-hello.md": post("Hello", "2026-01-02", "Edited.") });
    kv.log.length = 0;
    let told: string[] = [];
    const result = await preview.publish((changed) => {
      kv.log.push("told");
      told = changed.paths;
    });
    expect(result.ok).toBe(true);
    expect(told.some((path) => path.includes("hello"))).toBe(true);
    expect(kv.log.filter((step) => step !== "values")).toEqual([`get ${CURRENT_KEY}`, "pointer", "told", "history"]);
  });

  it("reads nothing from KV but the pointer, and packs only the buckets that changed", async () => {
    const { root, kv, preview } = await session();
    await preview.publish();
    await writeFiles(root, { "posts/2026-01-03-more.md": post("More", "2026-01-03", "Edited.") });
    kv.log.length = 0;
    const result = await preview.publish();
    expect(kv.log.filter((step) => step.startsWith("get") || step.startsWith("list"))).toEqual([`get ${CURRENT_KEY}`]);
    if (!result.ok) throw new Error(result.lines.join("\n"));
    expect(result.packed).toBeGreaterThan(0);
    expect(result.packed).toBe(result.writes - 2);
  });

  it("tells of a compiled stylesheet only when its output changed, not on every post save", async () => {
    const { root, preview } = await session();
    await writeFiles(root, { "css/site.scss": "---\n---\n$ink: #123;\nbody { color: $ink; }\n" });
    await preview.publish();
    await writeFiles(root, { "posts/2026-01-02-hello.md": post("Hello", "2026-01-02", "Edited.") });
    const postSave = await preview.publish();
    if (!postSave.ok) throw new Error(postSave.lines.join("\n"));
    expect(postSave.media).toEqual([]);
    await writeFiles(root, { "css/site.scss": "---\n---\n$ink: #456;\nbody { color: $ink; }\n" });
    const styleSave = await preview.publish();
    if (!styleSave.ok) throw new Error(styleSave.lines.join("\n"));
    expect(styleSave.media).toEqual(["/css/site.css"]);
  });

  it("prints a warning on the save that brings it, not again on each later save while it stands", async () => {
    const errors: string[] = [];
    const { root, preview } = await session(null, new LoggingKv(), errors);
    const accent = (value: string) => ({ "_config.yml": `title: Tides\naccent: "${value}"\n` });
    const warned = () => errors.splice(0).filter((line) => line.includes("_config.yml:2"));
    await writeFiles(root, accent("red;}body{display:none"));
    await preview.publish();
    expect(warned()).toHaveLength(1);
    await writeFiles(root, { "posts/2026-01-02-hello.md": post("Hello", "2026-01-02", "Edited.") });
    await preview.publish();
    expect(warned()).toEqual([]);
    // Another bad value is another warning; fixed and broken again, it is told again.
    await writeFiles(root, accent("url(x)"));
    await preview.publish();
    expect(warned()).toHaveLength(1);
    await writeFiles(root, accent("#0a7"));
    await preview.publish();
    expect(warned()).toEqual([]);
    await writeFiles(root, accent("url(x)"));
    await preview.publish();
    expect(warned()).toHaveLength(1);
  });

  it("completes the site's theme with the built-in one, as the publish does: an include alone is drawn", async () => {
    const { root, kv, preview } = await session();
    await writeFiles(root, { "_includes/custom-head.html": '<meta name="verify" content="tides">\n' });
    const result = await preview.publish();
    if (!result.ok) throw new Error(result.lines.join("\n"));
    // The site's theme is stored (its custom-head.html over the built-in one's), as `npm run publish` stores it.
    expect([...kv.data.values()].some((value) => value.includes('<meta name=\\"verify\\" content=\\"tides\\">'))).toBe(true);
  });

  it("compiles no Sass for a post save, and again for an edited partial or a changed sass: setting", async () => {
    const assets = await tempDir("edgepress-session-assets-");
    folders.push(assets);
    const { root, preview } = await session(assets);
    await writeAged(root, {
      "css/site.scss": '---\n---\n@import "colors";\nbody { color: $ink; }\n',
      "_sass/_colors.scss": "$ink: #123456;\n",
    });
    const servedCss = () => readFile(join(assets, "css/site.css"), "utf8");
    const first = await preview.publish();
    if (!first.ok) throw new Error(first.lines.join("\n"));
    expect(first.styles).toBe(1);
    expect(await servedCss()).toContain("#123456");

    await writeFiles(root, { "posts/2026-01-02-hello.md": post("Hello", "2026-01-02", "Edited.") });
    const postSave = await preview.publish();
    if (!postSave.ok) throw new Error(postSave.lines.join("\n"));
    expect(postSave.styles).toBe(0);

    await writeAged(root, { "_sass/_colors.scss": "$ink: #abcdef;\n" });
    const partialSave = await preview.publish();
    if (!partialSave.ok) throw new Error(partialSave.lines.join("\n"));
    expect(partialSave.styles).toBe(1);
    expect(partialSave.media).toEqual(["/css/site.css"]);
    expect(await servedCss()).toContain("#abcdef");

    await writeAged(root, { "_config.yml": "sass:\n  style: compressed\n" });
    const configSave = await preview.publish();
    if (!configSave.ok) throw new Error(configSave.lines.join("\n"));
    expect(await servedCss()).toBe("body{color:#abcdef}");
  });

  it("writes a save's values and then the pointer in one call when the store can, before the tabs are told", async () => {
    const { root, kv, preview } = await session(null, new OneTripKv());
    await preview.publish();
    await writeFiles(root, { "posts/2026-01-02-hello.md": post("Hello", "2026-01-02", "Edited.") });
    kv.log.length = 0;
    const result = await preview.publish(() => kv.log.push("told"));
    if (!result.ok) throw new Error(result.lines.join("\n"));
    expect(kv.log).toEqual([`get ${CURRENT_KEY}`, `put-then ${result.writes - 2} values, then ${CURRENT_KEY}`, "told", "history"]);
    expect(JSON.parse(kv.data.get(CURRENT_KEY) ?? "null").seq).toBe(2);
  });
});
