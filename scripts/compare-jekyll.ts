/**
 * How close a published Jekyll site looks to the same site built by Jekyll itself. For each page:
 * the skeleton similarity (the same elements, ids and classes in the same order, outside `<pre>`;
 * see lib/skeleton.ts), whether every stylesheet and script Jekyll's page loads from the site is
 * served here too, and the share of pixels that differ between headless Chromium screenshots of both.
 *
 *   npm run compare:jekyll -- SITE [--pages /,/page2/,/about/] [--out DIR] [--port 8891] [--min 0.9]
 *
 * Builds SITE with Debian's `jekyll` as it was served (lib/jekyll-build.ts) and serves that at
 * port+1, publishes SITE with the project's own publish command and serves it at port, then compares
 * the two at each path. Screenshots (1280×900, the first screen) go to --out; they show the site's own
 * pages, so they stay out of the repository; both pages' HTML goes there too, to diff. Requests to
 * other hosts (CDN fonts, analytics) are aborted on both sides alike. With --min, exits 1 when a page's similarity is below it.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type * as Playwright from "playwright-core";
import { checker } from "./lib/checks.ts";
import { buildWithJekyll } from "./lib/jekyll-build.ts";
import { runMain } from "./lib/run-main.ts";
import { serveSite } from "./lib/serve-site.ts";
import { ownAssets, similarity, skeleton } from "./lib/skeleton.ts";
import { serveFolder } from "./lib/static-server.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    pages: { type: "string", default: "/" },
    out: { type: "string" },
    port: { type: "string", default: "8891" },
    min: { type: "string" },
  },
});

const VIEWPORT = { width: 1280, height: 900 };

interface Row {
  path: string;
  similarity: number;
  assets: string;
  pixels: number | null;
}

async function main(): Promise<number> {
  const site = positionals[0];
  if (site === undefined) throw new Error("usage: npm run compare:jekyll -- SITE [--pages /,/about/] [--out DIR]");
  const port = Number(values.port);
  const out = values.out ?? mkdtempSync(join(tmpdir(), "compare-jekyll-"));
  mkdirSync(out, { recursive: true });
  const jekyllUrl = `http://127.0.0.1:${port + 1}`;
  const built = buildWithJekyll(resolve(site), jekyllUrl);
  if (built.missingPlugins.length > 0)
    console.log(`plugins Debian does not have, left out of Jekyll's build: ${built.missingPlugins.join(", ")}`);
  const theirs = await serveFolder(built.out, port + 1);
  // A publish that stops (a Liquid error) must not leave Jekyll's server holding the process open.
  const ours = await serveSite({ content: site, port }).catch(async (error: unknown) => {
    await theirs.close();
    built.remove();
    throw error;
  });
  const { chromium } = checker<typeof Playwright>("playwright-core");
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  const rows: Row[] = [];
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: "light" });
    await context.route("**/*", (route) => (new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort()));
    const page = await context.newPage();
    for (const path of (values.pages ?? "/").split(",").filter(Boolean)) {
      const [a, b] = await Promise.all([get(theirs.url + path), get(ours.url + path)]);
      const [jekyllHtml, ourHtml] = await Promise.all([a.text(), b.text()]);
      if (a.status !== 200) console.log(`${path}: Jekyll's build answered ${a.status}`);
      const wanted = ownAssets(jekyllHtml, jekyllUrl);
      const served = await Promise.all(wanted.map(async (p) => (await get(ours.url + p)).status === 200));
      const missing = wanted.filter((_, i) => !served[i]);
      if (missing.length > 0) console.log(`${path}: not served here: ${missing.join(", ")}`);
      const name = path.replace(/[^a-z0-9]+/gi, "_") || "home";
      const shots = [join(out, `${name}.jekyll.png`), join(out, `${name}.ours.png`)] as const;
      writeFileSync(join(out, `${name}.jekyll.html`), jekyllHtml);
      writeFileSync(join(out, `${name}.ours.html`), ourHtml);
      for (const [url, file] of [
        [theirs.url + path, shots[0]],
        [ours.url + path, shots[1]],
      ] as const) {
        await page.goto(url, { waitUntil: "load" });
        // Finite CSS animations are run to their end (minimal-mistakes fades its content in after load):
        // otherwise the shot catches whichever side is mid-fade, and the pixel count measures timing.
        await page.screenshot({ path: file, animations: "disabled" });
      }
      rows.push({
        path,
        similarity: similarity(skeleton(jekyllHtml), skeleton(ourHtml)),
        assets: `${served.filter(Boolean).length}/${wanted.length}`,
        pixels: differingPixels(shots[0], shots[1], join(out, `${name}.diff.png`)),
      });
    }
  } finally {
    await browser.close();
    await ours.close();
    await theirs.close();
    built.remove();
  }
  const total = VIEWPORT.width * VIEWPORT.height;
  console.log("\n| page | skeleton similarity | site's CSS/JS served | pixels differing |\n| --- | --- | --- | --- |");
  for (const r of rows) {
    const pixels = r.pixels === null ? "n/a (ImageMagick missing)" : `${((100 * r.pixels) / total).toFixed(1)} %`;
    console.log(`| ${r.path} | ${r.similarity.toFixed(3)} | ${r.assets} | ${pixels} |`);
  }
  console.log(`\nscreenshots: ${out}`);
  const min = values.min === undefined ? null : Number(values.min);
  const below = min === null ? [] : rows.filter((r) => r.similarity < min);
  for (const r of below) console.error(`${r.path}: similarity ${r.similarity.toFixed(3)} is below ${min}`);
  return below.length > 0 ? 1 : 0;
}

/**
 * fetch, with the address and the cause when it fails (a server that is not up, a port taken). A
 * request on a kept-alive connection the server closed as it was sent fails with "other side closed"
 * (undici's SocketError, seen on a loaded machine): it is sent once more, on a new connection.
 */
async function get(url: string, retried = false): Promise<Response> {
  try {
    return await fetch(url);
  } catch (error) {
    const cause = (error as { cause?: { code?: unknown } }).cause;
    if (!retried && cause?.code === "UND_ERR_SOCKET") return get(url, true);
    throw new Error(
      `${url}: ${error instanceof Error ? error.message : String(error)}${cause instanceof Error ? ` (${cause.message})` : ""}`,
    );
  }
}

/** ImageMagick's count of differing pixels (`compare -metric AE`), or null when it is not installed. */
function differingPixels(a: string, b: string, diff: string): number | null {
  try {
    execFileSync("compare", ["-metric", "AE", a, b, diff], { stdio: ["ignore", "ignore", "pipe"] });
    return 0;
  } catch (error) {
    const e = error as { status?: number; stderr?: Buffer; code?: string };
    if (e.code === "ENOENT") return null;
    // compare exits 1 when the images differ, and prints the count on stderr.
    const count = Number.parseFloat(String(e.stderr ?? ""));
    if (e.status === 1 && Number.isFinite(count)) return count;
    throw new Error(`compare failed: ${String(e.stderr ?? error)}`);
  }
}

runMain(main);
