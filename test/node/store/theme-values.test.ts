/**
 * A theme is stored as two values (store/theme-values.ts): templates under a key named by their
 * content, and `site` data under `#theme`. Saving a post keeps the templates' key, so the Worker's
 * parsed templates stand; a layout edit names new ones; a release storing the whole theme under
 * `#theme` (published before the split) still draws.
 */
import { join } from "node:path";
import { Liquid } from "liquidjs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readBuiltInFiles } from "../../../src/cli/built-in-files.ts";
import { loadContent } from "../../../src/cli/load-content.ts";
import { compileSite } from "../../../src/compile/compile-site.ts";
import type { SiteBuild } from "../../../src/compile/types.ts";
import type { ContentFiles } from "../../../src/content/content-files.ts";
import type { Answer, Release } from "../../../src/model/release.ts";
import type { ThemeModel } from "../../../src/model/theme.ts";
import { encodeBucket } from "../../../src/store/bucket-format.ts";
import { THEME_KEY } from "../../../src/store/bucket-key.ts";
import { valueKey } from "../../../src/store/keys.ts";
import { siteReader } from "../../../src/store/site-reader.ts";
import { themeTemplatesKey } from "../../../src/store/theme-values.ts";
import { timelinesOf } from "../../../src/store/timelines.ts";
import { builtInTheme, withBuiltIn } from "../../../src/theme/built-in-theme.ts";
import { renderThemed } from "../../../src/theme/render-page.ts";
import { readyTheme } from "../../../src/theme/theme-data.ts";
import { rendererFor } from "../../../src/theme/theme-engines.ts";
import { postInput } from "../../../src/theme/themed-input.ts";

const FIXTURE = join(import.meta.dirname, "../../fixtures/theme");
const NOW = Date.parse("2026-11-25T12:00:00Z");
const POST = "/2021/02/10/post-2.html";
const base = { origin: "http://blog.test", timezone: "UTC" };

afterEach(() => vi.restoreAllMocks());

function build(content: ContentFiles): SiteBuild {
  const built = compileSite(content, {}, NOW).build;
  if (built === null) throw new Error("the fixture does not build");
  return built;
}

/** `content` with `from` replaced in the post or page at `path`, or the layout (`default.html`). */
function edited(content: ContentFiles, path: string, from: string, to: string): ContentFiles {
  const edit = <T extends { path: string; text: string }>(list: T[] = []): T[] =>
    list.map((f) => (f.path === path ? { ...f, text: f.text.replace(from, to) } : f));
  const out = { ...content, files: edit(content.files), layouts: edit(content.layouts) };
  expect(out).not.toEqual(content);
  return out;
}

/** The keys of the theme's values and what `#theme` holds. */
function themeKeys(site: SiteBuild) {
  const timelines = timelinesOf(site);
  const keys = [...timelines.keys()].filter((k) => k.startsWith("#theme-templates:"));
  const stored = timelines.get(THEME_KEY)?.[0]?.[2] as Record<string, unknown>;
  return { keys, stored };
}

/** A release of one bucket holding `models` at their keys, read as the Worker reads it. */
function readerOf(models: Record<string, unknown>) {
  const keys = new Map<string, Answer[]>();
  const texts: string[] = [];
  for (const [key, model] of Object.entries(models)) {
    keys.set(key, [[0, "theme", texts.length]]);
    texts.push(JSON.stringify(model));
  }
  const bytes = new TextEncoder().encode(encodeBucket(keys, texts));
  const reads: string[] = [];
  const kv = {
    get: async (key: string, type: "text" | "arrayBuffer") => {
      reads.push(key);
      if (key !== valueKey("b0")) return null;
      return type === "text" ? new TextDecoder().decode(bytes) : bytes.slice().buffer;
    },
  };
  const release = { id: "r", buckets: ["b0"], solo: {}, boundaries: [], hashing: 2 } as unknown as Release;
  return { reader: siteReader(kv as never, release, NOW, 1_000, null), reads };
}

/** As the Worker draws a post (routes/theme-drawing.ts), the theme completed with the built-in one. */
async function drawPost(site: SiteBuild, stored: ThemeModel | null): Promise<string> {
  if (stored === null) throw new Error("no theme read");
  const ready = readyTheme(withBuiltIn(stored, builtInTheme(await readBuiltInFiles())), "UTC");
  const model = site.pages.get(POST)?.model;
  if (model?.kind !== "post") throw new Error(`no post at ${POST}`);
  const input = postInput(ready, model, base);
  if (input === null) throw new Error("the post is not themed");
  const drawn = renderThemed(ready, input, rendererFor(ready, base.origin, base.timezone));
  if ("problem" in drawn) throw new Error(drawn.problem.reason);
  return drawn.html;
}

describe("the theme's stored values", () => {
  it("keeps the templates' key when a post is edited, and names new templates when a layout is", async () => {
    const content = await loadContent(FIXTURE);
    const first = themeKeys(build(content));
    expect(first.keys).toHaveLength(1);
    expect(first.stored.templates).toBe(first.keys[0]?.slice("#theme-templates:".length));
    expect(first.stored.layouts).toBeUndefined();

    const post = themeKeys(build(edited(content, "_posts/2021-02-10-post-2.md", "several words", "a few more words")));
    expect(post.keys).toEqual(first.keys);
    expect(JSON.stringify(post.stored)).not.toBe(JSON.stringify(first.stored));

    const layout = themeKeys(build(edited(content, "default.html", '<main class="frame">', '<main class="frame wide">')));
    expect(layout.keys).toHaveLength(1);
    expect(layout.keys).not.toEqual(first.keys);
  });

  it("draws from both values, and parses the templates once for two versions of the site data", async () => {
    const content = await loadContent(FIXTURE);
    const before = build(content);
    const after = build(edited(content, "_posts/2021-02-10-post-2.md", "several words", "a few more words"));
    const parse = vi.spyOn(Liquid.prototype, "parse");
    const draw = async (site: SiteBuild) => {
      const timelines = timelinesOf(site);
      const models = Object.fromEntries([...timelines].filter(([k]) => k.startsWith("#theme")).map(([k, a]) => [k, a[0]?.[2]]));
      return drawPost(site, await readerOf(models).reader.theme());
    };
    expect(await draw(before)).toContain("<p>The body of post 2 has several words in it for a summary.</p>");
    const parsed = parse.mock.calls.length;
    expect(parsed).toBeGreaterThan(0);
    expect(await draw(after)).toContain("<p>The body of post 2 has a few more words in it for a summary.</p>");
    expect(parse.mock.calls.length).toBe(parsed);
  });

  it("draws a theme stored whole under #theme, as releases published before stored it", async () => {
    const site = build(await loadContent(FIXTURE));
    if (site.theme === undefined) throw new Error("the fixture has no theme");
    const { reader, reads } = readerOf({ [THEME_KEY]: site.theme });
    const stored = await reader.theme();
    expect(stored?.layouts.default).toBeDefined();
    expect(reads).toEqual([valueKey("b0")]);
    expect(await drawPost(site, stored)).toContain('<article class="post-card" data-layout="article">');
  });

  it("says the store is unavailable when #theme names templates the release lacks", async () => {
    const site = build(await loadContent(FIXTURE));
    const { stored } = themeKeys(site);
    const { reader } = readerOf({ [THEME_KEY]: { ...stored, templates: "0000" }, [themeTemplatesKey("1111")]: {} });
    await expect(reader.theme()).rejects.toThrow(/lacks its theme's templates/);
  });
});
