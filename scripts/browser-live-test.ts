/**
 * The local preview's live script in headless Chromium, against the real front server
 * (src/cli/dev/preview-server.ts) in front of a small page server whose answers each step changes:
 * a page edited in its body is drawn in place (same document, its body's scripts run again, the
 * stylesheets kept); a saved stylesheet is applied without a reload; a save's problems show over the
 * page and go with the next good save; a page whose head changed, or a script it uses, reloads.
 *
 *   npm run test:browser-live   (CI runs it after the reader's walk, npm run test:browser)
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type * as Playwright from "playwright-core";
import { LIVE_SCRIPT_PATH } from "../src/cli/dev/live-script.ts";
import { type PreviewEvent, type PreviewServer, startPreviewServer } from "../src/cli/dev/preview-server.ts";
import { checker } from "./lib/checks.ts";
import { runMain } from "./lib/run-main.ts";

const PORT = Number(process.env.BROWSER_LIVE_PORT ?? 8926);
const PAGE = "/2026/01/a-post/";

/** What the page server answers now; each step edits it, as a save edits the published site. */
const site = { title: "A post", text: "First words.", ink: "rgb(0, 0, 255)", app: "window.appRuns = (window.appRuns || 0) + 1;" };

function html(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${site.title}</title>
<link rel="stylesheet" href="/style.css"></head>
<body><p id="text">${site.text}</p>
<script>window.bodyRuns = (window.bodyRuns || 0) + 1; document.body.dataset.runs = String(window.bodyRuns);</script>
<script src="/app.js"></script>
</body></html>`;
}

function pageServer(): Server {
  return createServer((req, res) => {
    const answers: Record<string, [string, string]> = {
      [PAGE]: ["text/html; charset=utf-8", html()],
      "/style.css": ["text/css", `#text { color: ${site.ink} }`],
      "/app.js": ["text/javascript", site.app],
    };
    const answer = answers[req.url ?? ""] ?? answers[new URL(req.url ?? "/", "http://x").pathname];
    if (answer === undefined) {
      res.writeHead(404).end();
      return;
    }
    // The Worker's page policy, as far as the live script is concerned: scripts and connections from the page's own origin.
    const csp = "default-src 'self'; script-src 'self' 'unsafe-inline'; connect-src 'self'; style-src 'self'";
    res.writeHead(200, { "content-type": answer[0], "content-security-policy": csp, "cache-control": "public, max-age=86400" });
    res.end(answer[1]);
  });
}

class StepFailed extends Error {}

async function main(): Promise<number> {
  const upstream = pageServer();
  await new Promise<void>((ready) => upstream.listen(0, "127.0.0.1", () => ready()));
  const { port } = upstream.address() as AddressInfo;
  const preview = await startPreviewServer({ host: "127.0.0.1", port: PORT, upstream: `http://127.0.0.1:${port}` });
  const { chromium } = checker<typeof Playwright>("playwright-core");
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  const problems: string[] = [];
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(5_000);
    page.on("pageerror", (error) => problems.push(`script error: ${error.message}`));
    let navigations = 0;
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
    await page.goto(`http://127.0.0.1:${PORT}${PAGE}`);
    await listening(preview);
    await page.evaluate("window.sameDocument = true");
    const before = navigations;
    const sameDocument = async (step: string) => {
      expect(navigations === before && (await page.evaluate("window.sameDocument === true")), `${step}: the tab reloaded`);
    };

    site.text = "Second words.";
    await told(preview, { type: "published", paths: [PAGE, "/feed.xml"], media: [] });
    await until(page, 'document.getElementById("text")?.textContent === "Second words."');
    await sameDocument("a body edit");
    expect((await page.evaluate("document.body.dataset.runs")) === "2", "a body edit: the body's inline script did not run again");
    await until(page, "window.appRuns === 2");
    expect((await page.locator(`script[src^="${LIVE_SCRIPT_PATH}"]`).count()) === 0, "a body edit: a second live script was added");
    expect(preview.listeners() === 1, `a body edit: ${preview.listeners()} event streams open, not 1`);
    console.log("a body edit: drawn in place, its scripts run again");

    site.ink = "rgb(255, 0, 0)";
    await told(preview, { type: "published", paths: [], media: ["/style.css"] });
    await until(page, 'getComputedStyle(document.getElementById("text")).color === "rgb(255, 0, 0)"');
    await sameDocument("a stylesheet save");
    expect((await page.locator('link[rel="stylesheet"]').count()) === 1, "a stylesheet save: the old stylesheet was left in the page");
    console.log("a stylesheet save: applied without a reload");

    await told(preview, { type: "problems", lines: ["_posts/2026-01-02-a-post.md:3: invalid YAML in front matter"] });
    await page.locator("#edgepress-problems").getByText("_posts/2026-01-02-a-post.md:3: invalid YAML").waitFor();
    site.text = "Third words.";
    await told(preview, { type: "published", paths: [PAGE], media: [] });
    await until(page, 'document.getElementById("text")?.textContent === "Third words."');
    expect((await page.locator("#edgepress-problems").count()) === 0, "a fixed save: the problems stayed over the page");
    await sameDocument("a fixed save");
    console.log("a broken save: its problems shown over the page, gone with the next good save");

    site.title = "A new title";
    await told(preview, { type: "published", paths: [PAGE], media: [] });
    await until(page, 'document.title === "A new title"');
    expect(navigations > before && (await page.evaluate("window.sameDocument")) === undefined, "a head edit: the tab was not reloaded");
    console.log("a head edit: the tab reloaded");

    await page.evaluate("window.sameDocument = true");
    const loaded = navigations;
    site.app = "window.appRuns = 100;";
    await told(preview, { type: "published", paths: [], media: ["/app.js"] });
    await until(page, "window.appRuns === 100");
    expect(navigations > loaded, "a script save: the tab was not reloaded");
    console.log("a script save: the tab reloaded");
  } catch (error) {
    if (!(error instanceof StepFailed || (error instanceof Error && error.name === "TimeoutError"))) throw error;
    problems.push(error.message.split("\n")[0] ?? error.message);
  } finally {
    await browser.close();
    await preview.close();
    await new Promise((done) => upstream.close(done));
  }
  for (const p of problems) console.error(`FAIL ${p}`);
  console.log(problems.length === 0 ? "Live preview: all steps passed." : `Live preview: ${problems.length} problems.`);
  return problems.length === 0 ? 0 : 1;
}

function expect(ok: boolean, message: string): void {
  if (!ok) throw new StepFailed(message);
}

/** Waits until the tab's event stream is open (the script runs deferred, after the page's load began). */
async function listening(preview: PreviewServer): Promise<void> {
  const end = Date.now() + 5_000;
  while (preview.listeners() === 0) {
    if (Date.now() > end) throw new StepFailed("the page's live script never opened its event stream");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Waits until `condition` holds in the tab, asking it every 20 ms through the DevTools protocol.
 * Playwright's waitForFunction compiles its predicate inside the page, which the page's own policy
 * (no 'unsafe-eval', as the Worker's) refuses now and then; an evaluation from outside is not the
 * page's script. A reload in between only makes one question go unanswered.
 */
async function until(page: Playwright.Page, condition: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    const holds = await page.evaluate(condition).catch(() => false);
    if (holds === true) return;
    if (Date.now() > end) throw new StepFailed(`waited ${ms} ms for ${condition}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Tells the tab, once it listens (a reload closes its stream for a moment). */
async function told(preview: PreviewServer, event: PreviewEvent): Promise<void> {
  await listening(preview);
  preview.send(event);
}

runMain(main);
