/**
 * The scripts' toolbox end to end: the real publish command fills a local store, wrangler bundles the
 * Worker as a deploy would, and the one launcher serves them on workerd; inline modules run beside.
 */
import { rm } from "node:fs/promises";
import { basename } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bundle, bundleWorker } from "../../../scripts/lib/bundle.ts";
import { startWorker } from "../../../scripts/lib/local-worker.ts";
import { type Published, publishSite } from "../../../scripts/lib/publish.ts";
import { rssMiB } from "../../../scripts/lib/workerd-processes.ts";
import { tempDir, writeFiles } from "../helpers/real-cli.ts";

const INLINE = `export default { fetch: (request) => new Response("inline " + new URL(request.url).pathname) };`;

let content = "";
let published: Published;
let bundle: Bundle;

beforeAll(async () => {
  content = await tempDir("edgepress-toolbox-");
  await writeFiles(content, {
    "_config.yml": "title: Toolbox Test\ntimezone: UTC\n",
    "_posts/2024-05-01-first-light.md": "---\ntitle: First light\n---\nThe first post.\n",
  });
  [published, bundle] = await Promise.all([publishSite(content), bundleWorker()]);
}, 180_000);

afterAll(async () => {
  for (const dir of [content, published?.persistTo, bundle?.outdir]) if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the scripts' toolbox", () => {
  it("publishes with the project's own CLI and keeps its summary", () => {
    expect(published.summary[0]).toMatch(/^Read .*: 1 posts, 0 pages/);
    expect(published.summary.some((line) => /^Wrote \d+ keys\. Release \w+ \(#1\) is live\./.test(line))).toBe(true);
  });

  it("bundles the Worker as a deploy would", () => {
    expect(basename(bundle.path)).toBe("worker.js");
    expect(bundle.gzipBytes).toBeGreaterThan(0);
    expect(bundle.gzipBytes).toBeLessThan(bundle.rawBytes);
    expect(bundle.wranglerSays).toMatch(/Total Upload: .* gzip: /);
  });

  it("serves the bundle over the published store, on a workerd of its own", async () => {
    const worker = await startWorker({ code: { path: bundle.path }, persistTo: published.persistTo });
    try {
      expect(worker.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const home = await worker.fetch("/");
      expect(home.status).toBe(200);
      expect(await home.text()).toContain("First light");
      expect([...(await worker.contents()).keys()]).toContain("/");
      const [pid] = worker.workerdPids;
      expect(pid).toBeDefined();
      expect(await rssMiB(pid ?? 0)).toBeGreaterThan(1);
    } finally {
      await worker.close();
    }
  });

  it("runs a module given inline, which has no store", async () => {
    const worker = await startWorker({ code: { source: INLINE }, name: "inline" });
    try {
      expect(await (await worker.fetch("/hello")).text()).toBe("inline /hello");
      await expect(worker.release()).rejects.toThrow(/has no store/);
    } finally {
      await worker.close();
    }
  });

  it("starts overlapping launches one at a time, so each finds its own workerd", async () => {
    const workers = await Promise.all([1, 2, 3].map(() => startWorker({ code: { source: INLINE } })));
    try {
      const pids = workers.map((w) => w.workerdPids);
      for (const own of pids) expect(own.length).toBeGreaterThan(0);
      expect(new Set(pids.flat()).size).toBe(pids.flat().length);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
  });
});
