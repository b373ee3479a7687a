import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../../src/cli/load-content.ts";
import { CompileMemo } from "../../../src/compile/compile-memo.ts";
import { compileSite } from "../../../src/compile/compile-site.ts";
import type { ContentFiles } from "../../../src/content/content-files.ts";

const SITE = resolve(import.meta.dirname, "../../fixtures/site");
const AS_OF = Date.parse("2026-11-10T00:00:00Z");
/** Every post of the fixture is out by then. */
const AFTER_ALL = Date.parse("2026-12-31T00:00:00Z");

function edited(content: ContentFiles, path: string, edit: (text: string) => string): ContentFiles {
  return { ...content, files: content.files.map((f) => (f.path === path ? { ...f, text: edit(f.text) } : f)) };
}

describe("a watching process's compile memo", () => {
  it("parses and renders only the file that changed, and builds exactly what a fresh compile builds", async () => {
    const content = await loadContent(SITE);
    const memo = new CompileMemo();
    compileSite(content, {}, AS_OF, { memo });
    expect(memo.parsedLast).toBe(content.files.length);

    compileSite(content, {}, AS_OF, { memo });
    expect([memo.parsedLast, memo.preparedLast]).toEqual([0, 0]);

    const saved = edited(content, "posts/2026-11-02-tides-and-tables.md", (t) => `${t}\nA line written just now.\n`);
    const again = compileSite(saved, {}, AS_OF, { memo });
    expect([memo.parsedLast, memo.preparedLast]).toEqual([1, 1]);
    expect(again.build).toEqual(compileSite(saved, {}, AS_OF).build);
    expect(JSON.stringify(again.build?.pages.get("/2026/11/tides-and-tables/"))).toContain("A line written just now.");
  });

  it("parses every file again when the settings change, and forgets files that are gone", async () => {
    const content = await loadContent(SITE);
    const memo = new CompileMemo();
    compileSite(content, {}, AS_OF, { memo });
    const retitled = { ...content, config: content.config && { ...content.config, text: `${content.config.text}\ntitle: Renamed\n` } };
    const built = compileSite(retitled, {}, AS_OF, { memo });
    expect(memo.parsedLast).toBe(content.files.length);
    expect(built.build?.site.title).toBe("Renamed");

    const fewer = { ...content, files: content.files.filter((f) => f.path !== "about.md") };
    expect(compileSite(fewer, {}, AS_OF, { memo }).build).toEqual(compileSite(fewer, {}, AS_OF).build);
  });

  it("renders nothing again when a stylesheet is saved, and every post again when an image's size changes", async () => {
    const content = await loadContent(SITE);
    const css = { path: "css/site.css", bytes: new TextEncoder().encode("body { color: black }\n") };
    const memo = new CompileMemo();
    compileSite({ ...content, media: [...content.media, css] }, {}, AFTER_ALL, { memo });
    const restyled = { ...css, bytes: new TextEncoder().encode("body { color: navy }\n") };
    compileSite({ ...content, media: [...content.media, restyled] }, {}, AFTER_ALL, { memo });
    expect(memo.preparedLast).toBe(0);

    const wider = (m: (typeof content.media)[number]) =>
      m.path === "images/chart.svg"
        ? { ...m, bytes: new TextEncoder().encode(new TextDecoder().decode(m.bytes).replace("0 0 40 20", "0 0 80 20")) }
        : m;
    const resized = { ...content, media: [...content.media.map(wider), restyled] };
    const built = compileSite(resized, {}, AFTER_ALL, { memo });
    expect(memo.preparedLast).toBeGreaterThan(0);
    expect(built.build).toEqual(compileSite(resized, {}, AFTER_ALL).build);
    const chart = [...(built.build?.pages.values() ?? [])].find((p) => p.model.kind === "post" && p.model.title === "Charts on the wall");
    expect(JSON.stringify(chart?.model)).toContain('width=\\"80\\"');
  });
});
