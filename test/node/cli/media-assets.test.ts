/**
 * Media files are published as the Worker's static assets: copied into the assets folder (only what
 * changed), removed when the content drops them, and served ahead of the Worker with the same
 * security and caching headers it gives everything else (checked through Miniflare's own static-asset
 * server, which reads `_headers` as Cloudflare does).
 */
import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Miniflare } from "miniflare";
import { describe, expect, it } from "vitest";
import {
  ASSET_FILES_FREE,
  ASSET_FILES_PAID,
  assetCountVerdict,
  headersFile,
  mediaDigest,
  stageMedia,
} from "../../../src/cli/media-assets.ts";
import type { MediaFile } from "../../../src/content/content-files.ts";
import { FAVICON_SVG } from "../../../src/render/favicon.ts";

const svg = (n: number) => new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}"/>`);
const media = (files: Record<string, Uint8Array>): MediaFile[] => Object.entries(files).map(([path, bytes]) => ({ path, bytes }));

describe("staging media as static assets", () => {
  it("copies what changed, keeps what did not, and removes what the content dropped", async () => {
    const dir = await mkdtemp(join(tmpdir(), "edgepress-assets-"));
    const first = await stageMedia(media({ "images/a.svg": svg(1), "wp-content/uploads/2009/10/café.svg": svg(2) }), dir);
    expect(first).toEqual({ copied: 2, removed: 0, unchanged: 0 });
    const before = (await stat(join(dir, "images/a.svg"))).mtimeMs;
    await writeFile(join(dir, "stray.txt"), "left from an old publish");
    const second = await stageMedia(media({ "images/a.svg": svg(1), "wp-content/uploads/2009/10/café.svg": svg(3) }), dir);
    expect(second).toEqual({ copied: 1, removed: 1, unchanged: 1 });
    expect((await stat(join(dir, "images/a.svg"))).mtimeMs).toBe(before);
    expect(await readFile(join(dir, "wp-content/uploads/2009/10/café.svg"))).toEqual(Buffer.from(svg(3)));
    await expect(stat(join(dir, "stray.txt"))).rejects.toThrow();
    expect(await readFile(join(dir, "_headers"), "utf8")).toBe(headersFile());
    expect(await readFile(join(dir, "favicon.svg"), "utf8")).toBe(FAVICON_SVG);
    // A site's own icon replaces the engine's, and is counted as its media.
    const own = await stageMedia(media({ "images/a.svg": svg(1), "favicon.svg": svg(9) }), dir);
    expect(own).toEqual({ copied: 1, removed: 1, unchanged: 1 });
    expect(await readFile(join(dir, "favicon.svg"))).toEqual(Buffer.from(svg(9)));
  });

  it("warns past the Free plan's static-asset count and refuses past the Paid plan's", () => {
    expect(assetCountVerdict(ASSET_FILES_FREE)).toBeNull();
    expect(assetCountVerdict(ASSET_FILES_FREE + 1)).toEqual({
      warning: expect.stringMatching(/20,001 media files: the Workers Free plan serves at most 20,000/),
    });
    expect(assetCountVerdict(ASSET_FILES_PAID)).toHaveProperty("warning");
    expect(assetCountVerdict(ASSET_FILES_PAID + 1)).toEqual({
      error: expect.stringMatching(/100,001 media files: a Worker may serve at most 100,000/),
    });
  });

  it("tells two sets of media apart by digest, whatever order they were read in", () => {
    const a = media({ "x.svg": svg(1), "y.svg": svg(2) });
    expect(mediaDigest(a)).toBe(mediaDigest([...a].reverse()));
    expect(mediaDigest(a)).not.toBe(mediaDigest(media({ "x.svg": svg(1), "y.svg": svg(4) })));
    expect(mediaDigest([])).toBe("");
  });

  it("serves the files ahead of the Worker with the security and cache headers", async () => {
    const dir = await mkdtemp(join(tmpdir(), "edgepress-assets-"));
    await stageMedia(media({ "images/dot.svg": svg(1) }), dir);
    const mf = new Miniflare({
      modules: true,
      script: 'export default { fetch() { return new Response("from the Worker", { status: 404 }); } };',
      compatibilityDate: "2026-04-20",
      assets: { directory: dir, routerConfig: { has_user_worker: true } },
    });
    try {
      const res = await mf.dispatchFetch("https://blog.example/images/dot.svg");
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toMatch(/^image\/svg\+xml/);
      expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(res.headers.get("Content-Security-Policy")).toContain("sandbox");
      expect(res.headers.get("Cache-Control")).toBe("public, max-age=86400, stale-while-revalidate=604800, stale-if-error=604800");
      expect(await res.text()).toContain("<svg");
      const missing = await mf.dispatchFetch("https://blog.example/images/none.svg");
      expect(await missing.text()).toBe("from the Worker");
      // The site's icon is an asset too, so a reader's first visit costs the Worker one request, not two.
      const icon = await mf.dispatchFetch("https://blog.example/favicon.svg");
      expect(icon.status).toBe(200);
      expect(await icon.text()).toBe(FAVICON_SVG);
    } finally {
      await mf.dispose();
    }
  });
});
