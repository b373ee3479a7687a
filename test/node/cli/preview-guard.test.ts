/** Drafts and future posts are shown by local preview only: no command puts them on a deployed site. */
import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { publishChecked, readCheckedSite } from "../../../src/cli/commands/publish.ts";
import type { CliDeps } from "../../../src/cli/deps.ts";
import { CURRENT_KEY } from "../../../src/store/keys.ts";
import { runCli } from "../helpers/cli.ts";
import { MemoryKv } from "../helpers/memory-kv.ts";

const FIXTURE = resolve(import.meta.dirname, "../../fixtures/preview");

async function site(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "edgepress-preview-"));
  await cp(FIXTURE, join(dir, "content"), { recursive: true });
  return dir;
}

describe("drafts and future posts never reach a deployed site", () => {
  it("a local publish with --drafts --future stores a release marked as a preview", async () => {
    const cwd = await site();
    const run = await runCli(["publish", "--drafts", "--future", "--assets", join(cwd, "assets")], { cwd });
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.kv.data.get(CURRENT_KEY) ?? "{}").preview).toBe(true);
  });

  it("refuses --drafts and --future with publish --remote and with deploy, before anything is read or written", async () => {
    const cwd = await site();
    for (const argv of [
      ["publish", "--remote", "--drafts"],
      ["publish", "--remote", "--future"],
      ["deploy", "--drafts"],
      ["deploy", "--future"],
    ]) {
      const run = await runCli(argv, { cwd });
      expect(run.code).toBe(2);
      expect(run.stderr[0]).toMatch(/^--drafts and --future are for local preview only/);
      expect(run.kv.writes).toEqual([]);
    }
  });

  it("refuses a preview build on the way to the real namespace, whoever asks", async () => {
    const cwd = await site();
    const kv = new MemoryKv();
    const out: string[] = [];
    const deps: CliDeps = {
      cwd,
      env: {},
      stdout: () => {},
      stderr: (line) => out.push(line),
      now: () => new Date(),
      openKv: async () => ({ port: kv, label: "memory KV", close: async () => {} }),
      remoteAccount: async () => {
        throw new Error("the Cloudflare API must not be reached in this test");
      },
      runWrangler: async () => 0,
    };
    const checked = await readCheckedSite("content", deps, { drafts: true, future: false });
    if (checked === null) throw new Error(out.join("\n"));
    const target = { remote: true, configPath: join(cwd, "wrangler.toml"), persistTo: null };
    const code = await publishChecked(
      checked,
      { content: "content", dryRun: false, target, budget: null, slice: false, assets: null },
      deps,
      true,
    );
    expect(code).toBe(1);
    expect(out).toContain("Nothing was published: this build shows drafts or future posts, which only a local preview may.");
    expect(kv.writes).toEqual([]);
  });
});
