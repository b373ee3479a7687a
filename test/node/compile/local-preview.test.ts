import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../../src/cli/load-content.ts";
import { compileSite } from "../../../src/compile/compile-site.ts";
import type { PostModel } from "../../../src/model/page-models.ts";
import { prepareRelease } from "../../../src/store/release-build.ts";
import { renderPostPage } from "../helpers/built-in.ts";

const SITE = resolve(import.meta.dirname, "../../fixtures/preview");
const NOW = Date.parse("2026-01-01T00:00:00Z");
const PATHS = {
  out: "/2020/01/out-already/",
  held: "/2020/02/held-back/",
  thinking: "/2020/03/still-thinking/",
  future: "/2999/01/far-ahead/",
};

function model(build: NonNullable<ReturnType<typeof compileSite>["build"]>, path: string): PostModel | undefined {
  const page = build.pages.get(path);
  return page?.model.kind === "post" ? page.model : undefined;
}

describe("drafts and future posts in local preview", () => {
  it("a publish for readers has neither drafts nor future posts now, and is no preview", async () => {
    const build = compileSite(await loadContent(SITE), {}, NOW).build;
    expect(build).not.toBeNull();
    if (build === null) return;
    expect([...build.pages.keys()].filter((p) => Object.values(PATHS).includes(p))).toEqual([PATHS.out]);
    expect([...build.pages.keys()].some((p) => p.includes("an-idea"))).toBe(false);
    expect(build.preview).toBeUndefined();
    expect((await prepareRelease(build, null, new Date(NOW))).release.preview).toBeUndefined();
  });

  it("--drafts shows _drafts/ (dated by modification time, addressed by slug), draft: true and published: false, labelled", async () => {
    const content = await loadContent(SITE, { drafts: true });
    const idea = content.files.find((f) => f.path === "_drafts/an-idea.md");
    expect(idea?.draft?.mtimeMs).toBeGreaterThan(0);
    // A draft is dated now (its file's time), so this publish happens after it.
    const build = compileSite(content, {}, Date.now(), { drafts: true }).build;
    if (build === null) throw new Error("no build");
    const day = new Date(idea?.draft?.mtimeMs ?? 0).toISOString();
    const ideaPath = `/${day.slice(0, 4)}/${day.slice(5, 7)}/an-idea/`;
    for (const path of [PATHS.held, PATHS.thinking, ideaPath]) expect(model(build, path)?.preview).toBe("draft");
    expect(model(build, PATHS.out)?.preview).toBeUndefined();
    expect(build.pages.has(PATHS.future)).toBe(false);
    expect(build.preview).toBe(true);
    expect((await prepareRelease(build, null, new Date(NOW))).release.preview).toBe(true);
  });

  it("--future shows posts dated later now, labelled with their date", async () => {
    const build = compileSite(await loadContent(SITE), {}, NOW, { future: true }).build;
    if (build === null) throw new Error("no build");
    const later = model(build, PATHS.future);
    expect(later?.preview).toBe("scheduled");
    expect(build.later).toEqual([]);
    expect(build.pages.has(PATHS.held)).toBe(false);
    expect(build.preview).toBe(true);
    if (later === undefined) return;
    const page = renderPostPage({ site: build.site, origin: "http://127.0.0.1:8787", path: PATHS.future }, later);
    expect(page).toMatch(/<span class="post-format">Scheduled for [^<]*2999<\/span>/);
  });

  it("labels a draft on its page", async () => {
    const build = compileSite(await loadContent(SITE, { drafts: true }), {}, NOW, { drafts: true }).build;
    const draft = build && model(build, PATHS.thinking);
    if (!build || !draft) throw new Error("no draft");
    expect(renderPostPage({ site: build.site, origin: "http://127.0.0.1:8787", path: PATHS.thinking }, draft)).toContain(
      '<span class="post-format">Draft</span>',
    );
  });
});
