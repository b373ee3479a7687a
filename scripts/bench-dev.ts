/**
 * `npm run bench:dev [-- --content DIR] [--runs N] [--cli OTHER/src/cli/index.ts]`: how long a save takes to show in an open tab.
 * Copies the site (default ../shared/corpus/etiago) to a temporary folder, times a full
 * `npm run publish` of it as the baseline, then runs `dev` on the copy with a headless Chromium tab
 * open on the newest post: each round appends a marker to that post's file and times until the tab
 * has painted it, drawn in place by the live script or reloaded (the first save after start is shown
 * apart). Then the same for a stylesheet the page links (a new rule, timed until the tab applies it); when the page links none of the site's own stylesheets
 * (the built-in theme), it saves the site's CSS anyway and times until the new file is served, and
 * says so. Every wait is bounded, and the processes it starts are stopped whatever happens.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { access, appendFile, chmod, cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type * as Playwright from "playwright-core";
import { loadContent } from "../src/cli/load-content.ts";
import { compileSite } from "../src/compile/compile-site.ts";
import { checker } from "./lib/checks.ts";
import { ROOT } from "./lib/project.ts";
import { runMain } from "./lib/run-main.ts";

const CLI = resolve(ROOT, "src/cli/index.ts");
const TSX = resolve(ROOT, "node_modules/.bin/tsx");
const PORT = Number(process.env.BENCH_DEV_PORT ?? 8851);
const ENV = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_HIDE_BANNER: "true" };
/** Longest wait for one save to show; the first start of `dev` (a full publish, then wrangler) gets longer. */
const SAVE_TIMEOUT_MS = 30_000;
const START_TIMEOUT_MS = 180_000;

runMain(async () => {
  const { values } = parseArgs({
    options: {
      content: { type: "string", default: "../shared/corpus/etiago" },
      runs: { type: "string", default: "7" },
      // Another checkout's src/cli/index.ts, to time its `dev` the same way (before and after a change).
      cli: { type: "string" },
    },
  });
  const runs = Number(values.runs);
  if (!(Number.isInteger(runs) && runs > 0)) throw new Error("--runs takes a positive whole number");
  const work = await mkdtemp(join(tmpdir(), "edgepress-bench-dev-"));
  const site = join(work, "site");
  await cp(resolve(values.content), site, { recursive: true });
  await writable(site);
  const loads = [loadAverage()];
  try {
    const started = performance.now();
    const code = await run("npm", ["run", "--silent", "publish", "--", ...["--content", site, "--persist-to", join(work, "full")]]);
    const fullMs = performance.now() - started;
    if (code !== 0) throw new Error(`publish failed (exit ${code})`);
    console.log(`full publish (npm run publish, a fresh process): ${Math.round(fullMs)} ms`);
    return await measureDev(site, work, runs, fullMs, loads, values.cli === undefined ? CLI : resolve(values.cli));
  } finally {
    loads.push(loadAverage());
    console.log(`load average (1 min) at start, during, end: ${loads.join(", ")}`);
    await rm(work, { recursive: true, force: true });
  }
});

async function measureDev(site: string, work: string, runs: number, fullMs: number, loads: string[], cli: string): Promise<number> {
  const post = await newestPost(site);
  const dev = spawn(TSX, [cli, "dev", "--content", site, "--port", String(PORT), "--persist-to", join(work, "dev")], {
    env: ENV,
    detached: true,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const stop = () => {
    if (dev.pid !== undefined && dev.exitCode === null) process.kill(-dev.pid, "SIGTERM");
  };
  process.once("SIGINT", stop).once("SIGTERM", stop);
  const origin = `http://127.0.0.1:${PORT}`;
  const { chromium } = checker<typeof Playwright>("playwright-core");
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
    timeout: 60_000,
  });
  try {
    const log = savedLines(dev);
    await until(
      async () => (await fetch(`${origin}${post.address}`).catch(() => null))?.status === 200,
      START_TIMEOUT_MS,
      "dev to serve the post",
    );
    const page = await browser.newPage();
    page.setDefaultTimeout(SAVE_TIMEOUT_MS);
    await page.goto(`${origin}${post.address}`);
    await page.waitForFunction(() => document.querySelector('script[src^="/__edgepress/live.js"]') !== null);
    await settle(page);

    // The first save after start runs code the process has not run yet (no memory of a previous
    // save, cold JIT); it is shown on its own and kept out of the medians.
    const postSave = (i: number) => {
      const marker = `bench-marker-${Date.now()}-${i}`;
      return timeSave(page, () => appendFile(join(site, post.source), `\n\n${marker}\n`), { kind: "text", marker });
    };
    const first = await postSave(0);
    await settle(page);
    console.log(`  first post save after start: ${described(first)} (${log.at(-1) ?? ""})`);
    const postTimes: number[] = [];
    const postHow: SaveTime[] = [];
    for (let i = 1; i <= runs; i++) {
      const ms = await postSave(i);
      postTimes.push(ms.paint);
      postHow.push(ms);
      if (i === Math.ceil(runs / 2)) loads.push(loadAverage());
      await settle(page);
      console.log(`  post save ${i}: ${described(ms)} (${log.at(-1) ?? ""})`);
    }

    const linked = await linkedSiteCss(page, origin, site);
    const cssTimes: number[] = [];
    let cssWhat: string;
    if (linked !== null) {
      cssWhat = `${linked}, linked by the post's page: save to the tab's first paint with a new rule applied`;
      for (let i = 0; i < runs; i++) {
        const marker = `bench-marker-${Date.now()}-${i}`;
        const ms = await timeSave(page, () => appendFile(join(site, linked), `\n.${marker} { color: inherit }\n`), {
          kind: "rule",
          marker,
        });
        cssTimes.push(ms.paint);
        await settle(page);
        console.log(`  CSS save ${i + 1}: ${described(ms)} (${log.at(-1) ?? ""})`);
      }
    } else {
      const css = await siteCss(site);
      if (css === null) throw new Error("the site has no stylesheet to save");
      const served = (await fetch(`${origin}/${css}`).catch(() => null))?.status === 200;
      cssWhat = served
        ? `${css}, which the post's page does not link (the built-in theme uses only its own CSS): save to the new file served`
        : `${css}, which the built-in theme neither links nor publishes: save to the dev process's "Saved:" line (nothing changes, no tab reloads)`;
      let reloads = 0;
      const onLoad = () => reloads++;
      page.on("load", onLoad);
      for (let i = 0; i < runs; i++) {
        const marker = `/* bench-marker-${Date.now()}-${i} */`;
        const before = log.length;
        const t0 = performance.now();
        await appendFile(join(site, css), `\n${marker}\n`);
        if (served) {
          const fresh = async () => (await (await fetch(`${origin}/${css}`, { cache: "no-store" })).text()).includes(marker);
          await until(fresh, SAVE_TIMEOUT_MS, "the new CSS");
        } else {
          await until(async () => log.length > before, SAVE_TIMEOUT_MS, "the dev process to republish");
        }
        cssTimes.push(performance.now() - t0);
        console.log(`  CSS save ${i + 1}: ${Math.round(cssTimes.at(-1) ?? 0)} ms (${log.at(-1) ?? ""})`);
        await new Promise((r) => setTimeout(r, 500));
      }
      page.off("load", onLoad);
      if (!served) cssWhat += `; tab reloads seen: ${reloads}`;
    }

    console.log(`post ${post.source} at ${post.address}, ${runs} rounds after the first save:`);
    console.log(`  save to the tab's first paint showing it: ${summary(postTimes)}`);
    const inPlace = postHow.filter((t) => t.how === "in place").length;
    console.log(`  drawn in place ${inPlace} times, reloaded ${postHow.length - inPlace} times`);
    console.log(`CSS ${cssWhat}, ${runs} rounds: ${summary(cssTimes)}`);
    console.log(`full publish ÷ post save (medians): ${(fullMs / median(postTimes)).toFixed(1)}×`);
    console.log("The dev process's own account of each save:");
    for (const line of log) console.log(`  ${line}`);
    return 0;
  } finally {
    await browser.close().catch(() => {});
    stop();
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * One save, in ms from just before the write: when the tab first painted the change, how it got
 * there (the live script drew the page in place, or the tab reloaded), and for a reload its load event.
 */
interface SaveTime {
  paint: number;
  how: "in place" | "reloaded";
  load: number | null;
}

/** What shows that a save reached the tab: the marker in the page's text, or a rule of that class in one of its stylesheets. */
interface Shows {
  kind: "text" | "rule";
  marker: string;
}

/**
 * In the page: whether it shows the marker now, and a watch on every animation frame from now on
 * that notes (epoch ms, in `benchShown`) the first frame in which it does: a change drawn in place
 * is painted in that frame. A reload ends the watch with the page. Text, not a function: the names
 * tsx keeps on functions call a helper the page does not have.
 */
const WATCH_FOR = `(({ kind, marker }) => {
  const shows = () =>
    kind === "text"
      ? document.body.textContent.includes(marker)
      : Array.from(document.styleSheets).some((sheet) => {
          try { return Array.from(sheet.cssRules).some((rule) => rule.selectorText === "." + marker); }
          catch { return false; }
        });
  window.benchShown = null;
  const frame = () => {
    if (shows()) window.benchShown = performance.timeOrigin + performance.now();
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  return shows();
})`;

function watchFor(page: Playwright.Page, shows: Shows): Promise<boolean> {
  return page.evaluate(`${WATCH_FOR}(${JSON.stringify(shows)})`) as Promise<boolean>;
}

/**
 * Makes the change and waits until the tab shows the marker: drawn in place by the live script
 * (the frame the watch noted), or reloaded (one or more times), then the reloaded page's first
 * paint and load as Navigation and Paint Timing report them (epoch-based like Date.now()).
 */
async function timeSave(page: Playwright.Page, change: () => Promise<void>, shows: Shows): Promise<SaveTime> {
  // A reload is seen when the new document commits: etiago's load event waits seconds for hosts this machine cannot reach.
  let navigations = 0;
  const onNavigated = (frame: Playwright.Frame) => {
    if (frame === page.mainFrame()) navigations++;
  };
  page.on("framenavigated", onNavigated);
  try {
    await watchFor(page, shows);
    const t0 = Date.now();
    await change();
    const end = t0 + SAVE_TIMEOUT_MS;
    while (Date.now() < end) {
      if (navigations === 0) {
        const at = (await page.evaluate("window.benchShown").catch(() => null)) as number | null;
        if (typeof at === "number") return { paint: at - t0, how: "in place", load: null };
      } else if (await watchFor(page, shows).catch(() => false)) {
        const at = (await page.evaluate(PAINTED).catch(() => null)) as { origin: number; paint: number; load: number | null } | null;
        if (at !== null)
          return { paint: at.origin + at.paint - t0, how: "reloaded", load: at.load === null ? null : at.origin + at.load - t0 };
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`the tab did not show ${shows.marker} within ${SAVE_TIMEOUT_MS / 1000} s (reloads seen: ${navigations})`);
  } finally {
    page.off("framenavigated", onNavigated);
  }
}

/** In a reloaded page: its first contentful paint and load event (if come yet), ms after its navigation began; null before the paint. */
const PAINTED = `(() => {
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  if (paint === undefined) return null;
  const nav = performance.getEntriesByType("navigation")[0];
  return { origin: performance.timeOrigin, paint: paint.startTime, load: nav && nav.loadEventEnd > 0 ? nav.loadEventEnd : null };
})()`;

function described(t: SaveTime): string {
  const load = t.load === null ? "" : `, loaded ${Math.round(t.load)} ms`;
  return `painted ${Math.round(t.paint)} ms (${t.how}${load})`;
}

/** Lets the reloaded tab open its event stream again before the next save. */
async function settle(page: Playwright.Page): Promise<void> {
  await page.waitForLoadState("load");
  await page.waitForTimeout(700);
}

/** The dev process's "Saved: …" lines (each save's publish time, as it measures it). */
function savedLines(child: ChildProcess): string[] {
  const out: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) if (line.startsWith("Saved:") || line.startsWith("Published")) out.push(line);
  });
  return out;
}

/** The newest post of the site and its address, as the publisher itself places it. */
async function newestPost(site: string): Promise<{ source: string; address: string }> {
  const compiled = compileSite(await loadContent(site), {}, Date.now());
  const post = compiled.build?.entries.find((p) => p.layout === "post");
  if (post === undefined) throw new Error(`${site}: no post published`);
  return { source: post.source, address: post.permalink };
}

/** A stylesheet the open page links that is one of the site's own files, or null. */
async function linkedSiteCss(page: Playwright.Page, origin: string, site: string): Promise<string | null> {
  const hrefs = await page.$$eval('link[rel="stylesheet"]', (links) => links.map((l) => (l as HTMLLinkElement).href));
  for (const href of hrefs) {
    const url = new URL(href);
    if (url.origin !== origin) continue;
    const path = decodeURIComponent(url.pathname).replace(/^\//, "");
    if (await exists(join(site, path))) return path;
  }
  return null;
}

async function siteCss(site: string): Promise<string | null> {
  for (const candidate of ["static/css/main.css", "assets/css/main.css", "css/main.css", "style.css"]) {
    if (await exists(join(site, candidate))) return candidate;
  }
  return null;
}

function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

function median(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function summary(times: readonly number[]): string {
  const ms = times.map((t) => Math.round(t));
  return `${ms.join(", ")} ms (median ${Math.round(median(times))} ms, range ${Math.min(...ms)}–${Math.max(...ms)} ms)`;
}

function loadAverage(): string {
  try {
    return readFileSync("/proc/loadavg", "utf8").split(" ")[0] ?? "?";
  } catch {
    return "?";
  }
}

async function writable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    await chmod(join(entry.parentPath, entry.name), entry.isDirectory() ? 0o755 : 0o644);
  }
}

/** Runs a command in the project folder; resolves to its exit code, killing it after ten minutes. */
function run(command: string, args: string[]): Promise<number> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: ROOT, env: ENV, stdio: ["ignore", "ignore", "inherit"] });
    const timer = setTimeout(() => child.kill("SIGTERM"), 600_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      done(code ?? 1);
    });
  });
}

async function until(test: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await test().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}
