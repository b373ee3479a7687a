/**
 * `npm run bench:dev [-- --content DIR] [--runs N]`: how long a save takes to show in an open tab.
 * Copies the site (default ../shared/corpus/etiago) to a temporary folder, times a full `publish` of
 * it as the baseline, then runs `dev` on the copy with a headless Chromium tab open on a post: each
 * run appends a line to the post's file and times until the tab has reloaded by itself and shows
 * it; then it saves the site's CSS and times until the tab is told and the new file is served.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { appendFile, chmod, cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type * as Playwright from "playwright-core";
import { checker } from "./lib/checks.ts";
import { runMain } from "./lib/run-main.ts";

const CLI = resolve(import.meta.dirname, "../src/cli/index.ts");
const TSX = resolve(import.meta.dirname, "../node_modules/.bin/tsx");
const PORT = Number(process.env.BENCH_DEV_PORT ?? 8825);
const ENV = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_HIDE_BANNER: "true" };

runMain(async () => {
  const { values } = parseArgs({
    options: {
      content: { type: "string", default: "../shared/corpus/etiago" },
      runs: { type: "string", default: "5" },
      css: { type: "string" },
    },
  });
  const work = await mkdtemp(join(tmpdir(), "edgepress-bench-dev-"));
  const site = join(work, "site");
  await cp(resolve(values.content), site, { recursive: true });
  await writable(site);
  try {
    const started = performance.now();
    const code = await run(["publish", "--content", site, "--persist-to", join(work, "full"), "--assets", join(work, "full", "assets")]);
    const fullMs = performance.now() - started;
    if (code !== 0) throw new Error(`publish failed (exit ${code})`);
    console.log(`full publish (npm run publish, a fresh process): ${Math.round(fullMs)} ms`);
    return await measureDev(site, work, Number(values.runs), fullMs, values.css ?? null);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});

async function measureDev(site: string, work: string, runs: number, fullMs: number, cssPath: string | null): Promise<number> {
  const dev = spawn(TSX, [CLI, "dev", "--content", site, "--port", String(PORT), "--persist-to", join(work, "dev")], {
    env: ENV,
    detached: true,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const origin = `http://127.0.0.1:${PORT}`;
  const { chromium } = checker<typeof Playwright>("playwright-core");
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const log = lines(dev);
    await until(async () => (await fetch(`${origin}/`).catch(() => null))?.status === 200, 300_000);
    const post = await newestPost(site);
    const address = await firstPostAddress(origin, log);
    const page = await browser.newPage();
    await page.goto(`${origin}${address}`);
    await page.waitForFunction(() => document.querySelector('script[src="/__edgepress/live.js"]') !== null);
    await page.waitForTimeout(500);
    const postTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      const marker = `bench-marker-${Date.now()}-${i}`;
      const loaded = page.waitForEvent("load", { timeout: 30_000 });
      const t0 = performance.now();
      await appendFile(join(site, post), `\n\n${marker}\n`);
      await loaded;
      await page.waitForFunction((m) => document.body.textContent?.includes(m), marker, { timeout: 30_000 });
      postTimes.push(performance.now() - t0);
      await page.waitForTimeout(300);
    }
    const css = cssPath ?? (await firstCss(site));
    let cssMs: number | null = null;
    if (css !== null) {
      const told = page.evaluate(
        (path) =>
          new Promise<void>((done) => {
            const events = new EventSource("/__edgepress/live");
            events.addEventListener("published", (e) => {
              if ((JSON.parse((e as MessageEvent).data).media as string[]).includes(path)) done();
            });
          }),
        `/${css}`,
      );
      await page.waitForTimeout(300);
      const marker = `/* bench ${Date.now()} */`;
      const t0 = performance.now();
      await appendFile(join(site, css), `\n${marker}\n`);
      await told;
      await until(async () => (await (await fetch(`${origin}/${css}`)).text()).includes(marker), 30_000);
      cssMs = performance.now() - t0;
    }
    const median = [...postTimes].sort((a, b) => a - b)[Math.floor(postTimes.length / 2)] ?? 0;
    console.log(
      `post ${post}: save to reloaded page showing it, ${runs} runs: ${postTimes.map((t) => Math.round(t)).join(", ")} ms (median ${Math.round(median)} ms)`,
    );
    if (cssMs !== null) console.log(`CSS ${css}: save to tab told and new file served: ${Math.round(cssMs)} ms`);
    console.log(`full publish ÷ post save (median): ${(fullMs / median).toFixed(1)}×`);
    console.log(log.join("\n"));
    return 0;
  } finally {
    await browser.close();
    if (dev.pid !== undefined) process.kill(-dev.pid, "SIGTERM");
  }
}

/** The dev server's "Saved: …" lines, for the record. */
function lines(child: ChildProcess): string[] {
  const out: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) if (line.startsWith("Saved:") || line.startsWith("Published")) out.push(line);
  });
  return out;
}

async function newestPost(site: string): Promise<string> {
  const names = (await readdir(join(site, "_posts"))).filter((n) => /\.(md|markdown|html)$/.test(n)).sort();
  const name = names.at(-1);
  if (name === undefined) throw new Error("no posts in _posts/");
  return `_posts/${name}`;
}

/** The newest post's address: the first post the home page links to. */
async function firstPostAddress(origin: string, _log: string[]): Promise<string> {
  const home = await (await fetch(`${origin}/`)).text();
  const m = /<h2[^>]*><a href="([^"]+)"/.exec(home) ?? /<article[\s\S]*?<a href="(\/[^"]+)"/.exec(home);
  if (!m?.[1]) throw new Error("no post linked from the home page");
  return m[1];
}

async function firstCss(site: string): Promise<string | null> {
  for (const candidate of ["static/css/main.css", "assets/css/main.css", "css/main.css", "style.css"]) {
    if (
      await readFile(join(site, candidate)).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  return null;
}

async function writable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    await chmod(join(entry.parentPath, entry.name), entry.isDirectory() ? 0o755 : 0o644);
  }
}

function run(args: string[]): Promise<number> {
  return new Promise((done) => {
    const child = spawn(TSX, [CLI, ...args], { env: ENV, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => done(code ?? 1));
  });
}

async function until(test: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await test().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("timed out");
}
