/**
 * Messages name a path as the user typed it: an absolute path stays absolute, a relative one stays
 * relative to the folder it was typed in, which under `npm run` is npm's INIT_CWD, not the project.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cp } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { typingFolder } from "../../../src/cli/typed-paths.ts";
import { withWranglerDefaults } from "../../../src/cli/wrangler-env.ts";
import { runCli, tempFolder } from "../helpers/cli.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const FIXTURES = join(import.meta.dirname, "../../fixtures/wxr");

async function withExports(): Promise<string> {
  const dir = tempFolder({});
  await cp(FIXTURES, join(dir, "wxr"), { recursive: true });
  return dir;
}

describe("paths in messages", () => {
  it("names an absolute export by its absolute path, wherever the command runs", async () => {
    const dir = await withExports();
    const file = join(dir, "wxr/truncated.xml");
    const run = await runCli(["import", file, "--out", join(dir, "site")], { cwd: ROOT });
    expect(run.code).toBe(1);
    expect(run.stderr[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:7:1: not well-formed XML: `));
  });

  it("names an absolute output folder and the export's folder as typed", async () => {
    const dir = await withExports();
    const out = join(dir, "site");
    const imported = await runCli(["import", join(dir, "wxr/blog.xml"), "--out", out], { cwd: ROOT });
    expect(imported.code).toBe(0);
    expect(imported.stdout.join("\n")).toContain(`Read ${join(dir, "wxr/blog.xml")}: WXR 1.2`);
    expect(imported.stdout.join("\n")).toContain(`Wrote ${out}: `);

    const published = await runCli(["publish", "--content", join(dir, "wxr/blog.xml"), "--dry-run"], { cwd: ROOT });
    expect(published.code).toBe(0);
    expect(published.stdout[0]).toBe(`Importing ${join(dir, "wxr/blog.xml")} into ${join(dir, "wxr/blog")}`);
    expect(published.stdout.join("\n")).toContain(
      `Publishing ${join(dir, "wxr/blog")} (edit it and run: npm run publish -- --content ${join(dir, "wxr/blog")})`,
    );
  });

  it("names a new post under an absolute content folder by its absolute path", async () => {
    const dir = tempFolder({});
    const run = await runCli(["new", "Hello", "--content", dir], { cwd: ROOT });
    expect(run.code).toBe(0);
    expect(run.stdout[0]).toBe(`Created ${join(dir, "posts/2026-11-25-hello.md")}. Edit it, then run npm run publish.`);
  });

  it("reads typed paths from npm's INIT_CWD only when npm ran the command in the project", () => {
    const npm = { INIT_CWD: "/home/me/exports", npm_package_json: "/srv/blog/package.json" };
    expect(typingFolder(npm, "/srv/blog")).toBe("/home/me/exports");
    // Started some other way (a test or script that inherited npm's environment, in a folder of its own).
    expect(typingFolder(npm, "/tmp/elsewhere")).toBe("/tmp/elsewhere");
    expect(typingFolder({}, "/srv/blog")).toBe("/srv/blog");
  });

  it("under npm run, a relative path is relative to where the user typed it, and is named so", async () => {
    const dir = await withExports();
    const npmRun = (...args: string[]) =>
      promisify(execFile)("npm", ["--prefix", ROOT, "run", "--silent", "import", "--", ...args], {
        cwd: dir,
        env: withWranglerDefaults(process.env),
      }).then(
        () => ({ code: 0, stderr: "" }),
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
    const relative = await npmRun("wxr/truncated.xml", "--out", "site");
    expect(relative.code).toBe(1);
    expect(relative.stderr).toMatch(/^wxr\/truncated\.xml:7:1: not well-formed XML: /m);

    expect(existsSync(join(dir, "site"))).toBe(false);

    const imported = await promisify(execFile)(
      "npm",
      ["--prefix", ROOT, "run", "--silent", "import", "--", "wxr/blog.xml", "--out", "site"],
      {
        cwd: dir,
        env: withWranglerDefaults(process.env),
      },
    );
    expect(imported.stdout).toContain("Wrote site: ");
    expect(readFileSync(join(dir, "site/_config.yml"), "utf8")).toContain("title:");
  }, 60_000);
});
