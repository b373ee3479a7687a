/**
 * The publish draws every themed page once (test/fixtures/theme/), so a Liquid error in a layout or
 * an include stops it at `FILE:line:column` with nothing built, and an unknown filter or tag is one
 * `FILE:line` warning however many pages run it.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../../src/cli/load-content.ts";
import { CompileMemo } from "../../../src/compile/compile-memo.ts";
import { compileSite } from "../../../src/compile/compile-site.ts";
import type { ContentFiles } from "../../../src/content/content-files.ts";
import { formatProblem, formatWarning } from "../../../src/content/problem.ts";

const FIXTURE = join(import.meta.dirname, "../../fixtures/theme");
const NOW = Date.parse("2026-11-25T12:00:00Z");

/** The fixture with one line of a template replaced. */
async function edited(file: "layouts" | "includes", path: string, from: string, to: string): Promise<ContentFiles> {
  const content = await loadContent(FIXTURE);
  const template = content[file]?.find((f) => f.path === path);
  if (template === undefined || !template.text.includes(from)) throw new Error(`no ${from} in ${path}`);
  template.text = template.text.replace(from, to);
  return content;
}

describe("the publish draws the theme's pages", () => {
  it("builds the fixture with no problems, and names the site's script that runs eval", async () => {
    const compiled = compileSite(await loadContent(FIXTURE), {}, NOW);
    expect(compiled.problems).toEqual([]);
    expect(compiled.warnings.map(formatWarning)).toEqual([
      "static/packed.js:1: warning: this script runs eval: the theme's pages that load it allow 'unsafe-eval'",
    ]);
  });

  it("stops on a Liquid error in a layout, at its file, line and column", async () => {
    const content = await edited("layouts", "post.html", '{{ page.date | date: "%d %b %Y" }}', "{% if page.date %}");
    const compiled = compileSite(content, {}, NOW);
    expect(compiled.build).toBeNull();
    expect(compiled.problems.map(formatProblem)).toEqual([expect.stringMatching(/^_layouts\/post\.html:7:\d+: Liquid: /)]);
  });

  it("finds a layout's error when a save under npm run dev draws one page of each layout", async () => {
    const content = await edited("layouts", "post.html", '{{ page.date | date: "%d %b %Y" }}', "{% if page.date %}");
    const compiled = compileSite(content, {}, NOW, { memo: new CompileMemo() });
    expect(compiled.build).toBeNull();
    expect(compiled.problems.map(formatProblem)).toEqual([expect.stringMatching(/^_layouts\/post\.html:7:\d+: Liquid: /)]);
  });

  it("stops on a Liquid error in an include, at the include's line", async () => {
    const content = await edited("includes", "nav.html", "{{ site.author }}", "{{ site.author | }");
    const compiled = compileSite(content, {}, NOW);
    expect(compiled.build).toBeNull();
    expect(compiled.problems.map(formatProblem)).toEqual([expect.stringMatching(/^_includes\/nav\.html:1:\d+: Liquid: /)]);
  });

  it("warns once per place about an unknown filter or tag, not once per page", async () => {
    const content = await edited(
      "layouts",
      "default.html",
      '<main class="frame">',
      '{{ page.title | shout }}{% youtube abc %}<main class="frame">',
    );
    const compiled = compileSite(content, {}, NOW);
    expect(compiled.problems).toEqual([]);
    expect(compiled.build).not.toBeNull();
    const warnings = compiled.warnings.map(formatWarning).filter((w) => !w.includes("runs eval"));
    expect(warnings).toHaveLength(2);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^_layouts\/default\.html:14: warning: unknown filter shout/),
        expect.stringMatching(/^_layouts\/default\.html:14: warning: unknown tag youtube/),
      ]),
    );
  });

  it("under npm run dev, checks with one engine from save to save, and still finds an include or a layout broken later", async () => {
    const memo = new CompileMemo();
    const engines = new Set<unknown>();
    const kept = memo.themeCheck.for.bind(memo.themeCheck);
    memo.themeCheck.for = (ready, timezone) => {
      const engine = kept(ready, timezone);
      engines.add(engine);
      return engine;
    };
    const good = await loadContent(FIXTURE);
    expect(compileSite(good, {}, NOW, { memo }).problems).toEqual([]);
    expect(compileSite(await loadContent(FIXTURE), {}, NOW, { memo }).problems).toEqual([]);
    expect(engines.size).toBe(1);

    const include = await edited("includes", "nav.html", "{{ site.author }}", "{{ site.author | }");
    expect(compileSite(include, {}, NOW, { memo }).problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^_includes\/nav\.html:1:\d+: Liquid: /),
    ]);
    expect(compileSite(good, {}, NOW, { memo }).problems).toEqual([]);
    const layout = await edited("layouts", "post.html", '{{ page.date | date: "%d %b %Y" }}', "{% if page.date %}");
    expect(compileSite(layout, {}, NOW, { memo }).problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^_layouts\/post\.html:7:\d+: Liquid: /),
    ]);
    expect(engines.size).toBe(3);
  });
});
