/** `theme copy`: the built-in theme's files into a content folder, which then draws with them; never over the site's own files. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../../src/cli/load-content.ts";
import { compileSite } from "../../../src/compile/compile-site.ts";
import { DEFAULT_SITE } from "../../../src/model/site.ts";
import { postPageInput } from "../../../src/theme/built-in-page.ts";
import { renderThemed } from "../../../src/theme/render-page.ts";
import { readyTheme } from "../../../src/theme/theme-data.ts";
import { BUILT_IN, BUILT_IN_FILES } from "../helpers/built-in.ts";
import { post, realDeps, tempDir, writeFiles } from "../helpers/real-cli.ts";

describe("theme copy", () => {
  it("copies every file of the built-in theme, says so, and the site then draws with the copies", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "posts/2021-05-01-tides.md": post("Tides", "2021-05-01") });
    const { run } = realDeps(dir, {});
    const result = await run("theme", "copy", "--content", ".");
    expect(result.code).toBe(0);
    for (const [path, text] of Object.entries(BUILT_IN_FILES)) {
      expect(result.out).toContain(`Copied ${path}`);
      expect(await readFile(join(dir, path), "utf8")).toBe(text);
    }
    expect(result.out).toContain("The site now draws with these");
    // An edit of a copied layout shows on the site's pages.
    await writeFiles(dir, { "_includes/footer.html": '<footer class="edited">{{ site.title | escape }}</footer>' });
    const reading = compileSite(await loadContent(dir), {}, Date.parse("2026-11-25T12:00:00Z"), {}, undefined, BUILT_IN);
    expect(reading.problems).toEqual([]);
    expect(reading.build?.theme?.includes["footer.html"]).toContain('class="edited"');
    expect(reading.build?.theme?.layouts.default?.builtIn).toBeUndefined();
    // The post names no layout: it is drawn in the copied `post` layout, with the edited footer.
    const theme = reading.build?.theme;
    const page = reading.build?.pages.get("/2021/05/tides/");
    if (theme === undefined || page?.model.kind !== "post") throw new Error("no theme or post");
    const ctx = { site: reading.build?.site ?? DEFAULT_SITE, origin: "https://blog.example", path: page.model.permalink };
    const drawn = renderThemed(readyTheme(theme, "UTC"), { ...postPageInput(ctx, page.model), origin: ctx.origin, timezone: "UTC" });
    expect("html" in drawn && drawn.html).toContain('<footer class="edited">');
  });

  it("lists the files the site already has, copies nothing and exits 1", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "_includes/footer.html": "<footer>mine</footer>" });
    const { run } = realDeps(dir, {});
    const result = await run("theme", "copy", "--content", ".");
    expect(result.code).toBe(1);
    expect(result.err).toContain("_includes/footer.html");
    expect(result.out).toBe("");
    expect(await readFile(join(dir, "_includes/footer.html"), "utf8")).toBe("<footer>mine</footer>");
    await expect(readFile(join(dir, "_layouts/default.html"), "utf8")).rejects.toThrow();
  });
});
