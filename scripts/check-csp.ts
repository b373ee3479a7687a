/**
 * Opens every HTML page of a published blog in headless Chromium and fails if the browser reports a
 * single Content-Security-Policy violation, i.e. if the per-page policy would block something the
 * author published (or lets through something it should not, see the self-check).
 *
 *   npx tsx scripts/check-csp.ts [--content DIR] [--port 8881]
 *
 * Publishes DIR (default: content/) into a temporary local KV with the real CLI, serves the bundled
 * Worker with Miniflare on 127.0.0.1, visits each post, page and list page plus a 404, and prints the
 * count of pages and violations. Requests to other hosts are aborted: CSP decides before the network.
 * A request to the blog's own old host (its `url:`, http or https, with or without www) fails the
 * check too: the site's own files must come from wherever it is served (src/compile/own-host-links.ts).
 */
import { parseArgs } from "node:util";
import type * as Playwright from "playwright-core";
import type { Browser, Page } from "playwright-core";
import { isOwnAddress, ownSite } from "../src/compile/own-host-links.ts";
import { checker } from "./lib/checks.ts";
import { runMain } from "./lib/run-main.ts";
import { serveSite, siteOptions } from "./lib/serve-site.ts";

interface Violation {
  page: string;
  message: string;
}

const { values } = parseArgs({
  options: siteOptions(8881),
});

const VIOLATIONS_KEY = "__cspViolations";

async function main(): Promise<number> {
  const { chromium } = checker<typeof Playwright>("playwright-core");
  const worker = await serveSite({ content: values.content, port: Number(values.port) });
  for (const line of worker.published) console.log(line);
  let browser: Browser | null = null;
  try {
    const paths = [...(await worker.contents())]
      .filter(([path, answers]) => path.startsWith("/") && answers.some(([, view]) => view === "post" || view === "list"))
      .map(([path]) => path)
      .sort();
    paths.push("/this-page-does-not-exist/");
    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu"],
    });
    const context = await browser.newContext();
    await context.addInitScript(`window.${VIOLATIONS_KEY} = [];
document.addEventListener("securitypolicyviolation", (e) => window.${VIOLATIONS_KEY}.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at line " + e.lineNumber));`);
    const own = ownSite([(await worker.release()).site.url], "");
    const toOldHost: string[] = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (isOwnAddress(url, own)) toOldHost.push(`${route.request().headers().referer ?? "(no page)"} requested ${url}`);
      return new URL(url).hostname === "127.0.0.1" ? route.continue() : route.abort();
    });
    const page = await context.newPage();

    if (!(await detectorWorks(page, worker.url))) {
      console.error("self-check failed: a page with a blocked inline script reported no violation");
      return 1;
    }
    const violations: Violation[] = [];
    let withScripts = 0;
    for (const path of paths) {
      const found = await visit(page, worker.url + encodeURI(path));
      for (const message of found.messages) violations.push({ page: path, message });
      withScripts += found.inlineScripts > 0 ? 1 : 0;
    }
    for (const v of violations) console.error(`${v.page}: ${v.message}`);
    for (const request of toOldHost.slice(0, 50)) console.error(`the site's own old host: ${request}`);
    console.log(`CSP check: ${paths.length} pages, ${violations.length} violations, ${withScripts} pages carry inline scripts`);
    console.log(`Old host: ${toOldHost.length} requests to the site's own old host (${[...own.hosts].join(", ") || "no url: set"})`);
    return violations.length === 0 && toOldHost.length === 0 ? 0 : 1;
  } finally {
    await browser?.close();
    await worker.close();
  }
}

async function visit(page: Page, url: string): Promise<{ messages: string[]; inlineScripts: number }> {
  const messages: string[] = [];
  const onConsole = (msg: { text(): string }) => {
    if (/content[- ]security[- ]policy/i.test(msg.text())) messages.push(msg.text());
  };
  page.on("console", onConsole);
  await page.goto(url, { waitUntil: "load" });
  const events = (await page.evaluate(`window.${VIOLATIONS_KEY}`)) as string[];
  const inlineScripts = (await page.evaluate("[...document.scripts].filter((s) => !s.src).length")) as number;
  page.off("console", onConsole);
  return { messages: [...new Set([...messages, ...events])], inlineScripts };
}

/** The check must be able to fail: a page whose policy blocks its inline script has to be reported. */
async function detectorWorks(page: Page, origin: string): Promise<boolean> {
  const url = `${origin}/__csp-self-check`;
  await page.route(url, (route) =>
    route.fulfill({
      status: 200,
      headers: { "Content-Type": "text/html", "Content-Security-Policy": "script-src 'self'" },
      body: "<!DOCTYPE html><title>x</title><script>document.title = 'ran'</script>",
    }),
  );
  const { messages } = await visit(page, url);
  await page.unroute(url);
  return messages.length > 0 && (await page.title()) !== "ran";
}

runMain(main);
