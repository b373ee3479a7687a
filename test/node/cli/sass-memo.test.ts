/** Sass compiles kept by a watching process (`npm run dev`): reused while nothing they read changed, compiled again when anything did. */
import { rm, utimes } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sassCompiler } from "../../../src/cli/sass-compiler.ts";
import { SassMemo } from "../../../src/cli/sass-memo.ts";
import type { StyleResult, StyleSource } from "../../../src/compile/stylesheets.ts";
import { tempDir, writeFiles } from "../helpers/real-cli.ts";

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

const ENTRY = '@import "colors";\nbody { color: $ink; }\n';

/** A site whose stylesheet imports a partial from `_sass/`, its files dated an hour ago (saved well before any compile). */
async function site(files: Record<string, string> = {}) {
  const root = await tempDir("edgepress-sass-memo-");
  folders.push(root);
  await writeAged(root, { "css/site.scss": ENTRY, "_sass/_colors.scss": "$ink: #123456;\n", ...files });
  const memo = new SassMemo();
  const compile = sassCompiler(root, memo);
  const source = (over: Partial<StyleSource> = {}): StyleSource => ({
    path: "css/site.scss",
    text: ENTRY,
    syntax: "scss",
    loadPaths: ["_sass"],
    style: "expanded",
    ...over,
  });
  return { root, memo, compile, source };
}

async function writeAged(root: string, files: Record<string, string>): Promise<void> {
  await writeFiles(root, files);
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const path of Object.keys(files)) await utimes(join(root, path), hourAgo, hourAgo);
}

function css(result: StyleResult): string {
  if (!("css" in result)) throw new Error(result.problem.reason);
  return result.css;
}

describe("a kept Sass compile", () => {
  it("is handed back while the stylesheet and its partials are unchanged", async () => {
    const { memo, compile, source } = await site();
    const first = css(compile(source()));
    expect(first).toContain("#123456");
    expect(css(compile(source()))).toBe(first);
    expect(memo.compiled).toBe(1);
  });

  it("is compiled again when a partial it imports is edited", async () => {
    const { root, memo, compile, source } = await site();
    css(compile(source()));
    await writeAged(root, { "_sass/_colors.scss": "$ink: #abcdef;\n" });
    expect(css(compile(source()))).toContain("#abcdef");
    expect(memo.compiled).toBe(2);
  });

  it("is compiled again when a partial the partial imports is edited", async () => {
    const { root, compile, source } = await site({
      "_sass/_colors.scss": '@import "palette";\n$ink: $sea;\n',
      "_sass/_palette.scss": "$sea: #0a0b0c;\n",
    });
    expect(css(compile(source()))).toContain("#0a0b0c");
    await writeAged(root, { "_sass/_palette.scss": "$sea: #0d0e0f;\n" });
    expect(css(compile(source()))).toContain("#0d0e0f");
  });

  it("is compiled again when a new file is found first (beside the stylesheet, before the load path)", async () => {
    const { root, compile, source } = await site();
    css(compile(source()));
    await writeAged(root, { "css/_colors.scss": "$ink: #fedcba;\n" });
    expect(css(compile(source()))).toContain("#fedcba");
  });

  it("is compiled again when the stylesheet's own text or its settings change (_config.yml's sass: style)", async () => {
    const { memo, compile, source } = await site();
    const expanded = css(compile(source()));
    const compressed = css(compile(source({ style: "compressed" })));
    expect(compressed).not.toBe(expanded);
    expect(compressed).toBe("body{color:#123456}");
    expect(css(compile(source({ text: `${ENTRY}p { margin: 0; }\n` })))).toContain("margin: 0");
    expect(memo.compiled).toBe(3);
  });

  it("is not kept when a partial was saved just before the compile (it may have changed while Sass read it)", async () => {
    const { root, memo, compile, source } = await site();
    await writeFiles(root, { "_sass/_colors.scss": "$ink: #111111;\n" });
    expect(css(compile(source()))).toContain("#111111");
    expect(css(compile(source()))).toContain("#111111");
    expect(memo.compiled).toBe(2);
  });

  it("keeps no failed compile: the fixed partial is compiled", async () => {
    const { root, compile, source } = await site();
    await writeAged(root, { "_sass/_colors.scss": "$ink: ;\n" });
    expect("problem" in compile(source())).toBe(true);
    await writeAged(root, { "_sass/_colors.scss": "$ink: #222222;\n" });
    expect(css(compile(source()))).toContain("#222222");
  });
});
