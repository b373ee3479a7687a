/**
 * The real thing end to end: the CLI with its real dependencies, real files and real local KV (the
 * store `wrangler dev` serves), through publish, edit, rollback, backup and restore.
 */
import { cp, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openLocalKv } from "../../../src/cli/kv/local-kv.ts";
import { CURRENT_KEY, LAYOUT_PREFIX } from "../../../src/store/keys.ts";
import { parseRelease } from "../../../src/store/release-codec.ts";
import { realDeps, tempDir } from "../helpers/real-cli.ts";

const root = resolve(".");
let work = "";

beforeAll(async () => {
  work = await tempDir("edgepress-e2e-");
  await cp(join(root, "content"), join(work, "content"), { recursive: true });
});

async function dump(persist: string): Promise<Map<string, string>> {
  const kv = await openLocalKv(join(root, "wrangler.toml"), persist);
  try {
    const out = new Map<string, string>();
    for (const key of await kv.port.list(LAYOUT_PREFIX)) out.set(key, (await kv.port.get(key)) ?? "");
    return out;
  } finally {
    await kv.close();
  }
}

describe("the CLI on real local KV", () => {
  it("publishes, re-publishes an edit, rolls back, backs up and restores byte for byte", async () => {
    const { run } = realDeps(root, {});
    const kv = ["--persist-to", join(work, "state")];
    const content = ["--content", join(work, "content")];

    const first = await run("publish", ...content, ...kv);
    expect(first.err).toBe("");
    expect(first.out).toMatch(/Release \w+ \(#1\) is live/);

    const postFile = join(work, "content/posts/2026-11-09-code-blocks.md");
    await writeFile(postFile, (await readFile(postFile, "utf8")).replace("Code blocks", "Code blocks, edited"));
    const second = await run("publish", ...content, ...kv);
    expect(second.out).toMatch(/Wrote \d+ keys\. Release \w+ \(#2\) is live/);
    const written = Number(/Wrote (\d+) keys/.exec(second.out)?.[1]);
    // Only the buckets holding the edited post and what lists or indexes it, then the pointer and the history.
    const newValues = Number(/(\d+) KV writes \((\d+) new values, /.exec(second.out)?.[2]);
    expect(written).toBe(newValues + 2);
    expect(written).toBeLessThanOrEqual(Number(/Wrote (\d+) keys/.exec(first.out)?.[1]));

    const releases = await run("releases", ...kv);
    expect(releases.out.split("\n").filter((l) => /#\d/.test(l))).toHaveLength(2);
    const back = await run("rollback", ...kv);
    expect(back.code).toBe(0);
    const afterRollback = await dump(join(work, "state"));
    expect(parseRelease(afterRollback.get(CURRENT_KEY) ?? "")?.seq).toBe(3);

    const file = join(work, "site.backup");
    expect((await run("backup", file, ...kv)).code).toBe(0);
    const restored = await run("restore", file, "--persist-to", join(work, "restored"));
    expect(restored.err).toBe("");
    expect(restored.code).toBe(0);
    expect(await dump(join(work, "restored"))).toEqual(afterRollback);

    // A truncated copy is refused, and the empty namespace it was meant for stays empty.
    const text = await readFile(file, "utf8");
    await writeFile(join(work, "cut.backup"), text.slice(0, Math.floor(text.length * 0.6)));
    const cut = await run("restore", join(work, "cut.backup"), "--persist-to", join(work, "never"));
    expect(cut.code).toBe(1);
    expect(cut.err).toMatch(/Nothing was restored: .*cut\.backup:\d+: (not a JSON record|the backup is truncated)/);
    expect((await dump(join(work, "never"))).size).toBe(0);
  }, 120_000);
});
