/**
 * A reader's walk through the site in headless Chromium, at desktop and phone widths: the home page,
 * the next page of posts, a post (with highlighted code, a table of contents and footnotes, which the
 * walk follows), and the category the post is filed under. Each step checks what the
 * reader should see (a heading, no sideways scrolling, no broken requests or script errors) and saves
 * a screenshot to docs/screenshots/. Serves content/ as it deploys, with two posts a page so the
 * pager shows.
 *
 *   npm run test:browser -- [--port 8924] [--out docs/screenshots]
 *
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type * as Playwright from "playwright-core";
import type { Page } from "playwright-core";
import { checker } from "./lib/checks.ts";
import { ROOT, typedPath } from "./lib/project.ts";
import { runMain } from "./lib/run-main.ts";
import { serveSite } from "./lib/serve-site.ts";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 900, isMobile: false },
  { name: "phone", width: 390, height: 844, isMobile: true },
] as const;

class StepFailed extends Error {}

function expectThat(ok: boolean, message: string): void {
  if (!ok) throw new StepFailed(message);
}

/** The project's content with a small page size, so the home page has a second page. */
function contentWithPager(): string {
  const dir = mkdtempSync(join(tmpdir(), "edgepress-browser-content-"));
  cpSync(join(ROOT, "content"), dir, { recursive: true });
  const config = join(dir, "_config.yml");
  writeFileSync(config, readFileSync(config, "utf8").replace(/^paginate:.*$/m, "paginate: 2"));
  return dir;
}

async function checkLayout(page: Page, step: string): Promise<void> {
  const h1 = (await page.locator("h1").first().textContent())?.trim() ?? "";
  expectThat(h1 !== "", `${step}: the page has no heading`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expectThat(overflow <= 0, `${step}: the page scrolls sideways by ${overflow}px`);
}

/**
 * The newest post of content/ is the technical one: its code is coloured, its contents lead to the
 * sections, and its footnotes link there and back.
 */
async function checkTechnicalPost(page: Page, shot: (name: string) => Promise<void>): Promise<void> {
  const colours = await page.evaluate(() => {
    const keyword = document.querySelector("pre code.hljs .hljs-keyword, pre code.hljs .hljs-comment");
    const code = document.querySelector("pre code.hljs");
    return keyword && code ? [getComputedStyle(keyword).color, getComputedStyle(code).color] : null;
  });
  expectThat(colours !== null && colours[0] !== colours[1], "post: code is not highlighted");
  const entry = page.locator("nav.toc a").nth(1);
  expectThat((await entry.count()) > 0, "post: no table of contents");
  const target = (await entry.getAttribute("href")) ?? "";
  await entry.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.hash === target);
  const heading = page.locator(`[id="${decodeURIComponent(target.slice(1))}"]`);
  expectThat(await heading.isVisible(), `post: the contents' link ${target} shows no section`);
  await heading.hover();
  expectThat((await heading.locator("a.anchor").evaluate((a) => getComputedStyle(a).opacity)) === "1", "post: no heading link on hover");
  await page.locator("a[data-footnote-ref]").first().click();
  await page.waitForURL((url) => url.hash.startsWith("#footnote-"));
  expectThat(await page.locator("section.footnotes li:target").isVisible(), "post: the footnote reference leads to no note");
  await shot("post-notes");
  await page.locator("section.footnotes li:target a[data-footnote-backref]").first().click();
  await page.waitForURL((url) => url.hash.startsWith("#footnote-ref-"));
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { port: { type: "string", default: "8924" }, out: { type: "string", default: join(ROOT, "docs/screenshots") } },
  });
  const { chromium } = checker<typeof Playwright>("playwright-core");
  const out = typedPath(values.out);
  mkdirSync(out, { recursive: true });
  const content = contentWithPager();
  const site = await serveSite({ content, port: Number(values.port) });
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const problems: string[] = [];
  try {
    for (const viewport of VIEWPORTS) {
      for (const colorScheme of ["light", "dark"] as const) {
        const context = await browser.newContext({
          viewport: { width: viewport.width, height: viewport.height },
          isMobile: viewport.isMobile,
          hasTouch: viewport.isMobile,
          colorScheme,
        });
        const page = await context.newPage();
        page.on("pageerror", (error) => problems.push(`${viewport.name}: script error ${error.message}`));
        // Only the site's own requests count: images that WordPress posts hotlink from elsewhere are out of its hands.
        const ours = (url: string) => url.startsWith(site.url);
        page.on("response", (res) => {
          if (ours(res.url()) && res.status() >= 400) problems.push(`${viewport.name}: ${res.status()} for ${res.url()}`);
        });
        page.on("requestfailed", (req) => {
          // A request the browser itself cancelled (the walk moved to the next page before the site
          // icon arrived) is not the site failing; anything else the server did or did not answer is.
          const reason = req.failure()?.errorText ?? "";
          if (ours(req.url()) && reason !== "net::ERR_ABORTED") problems.push(`${viewport.name}: request failed ${req.url()} (${reason})`);
        });
        const shot = async (name: string) => {
          // Dark mode is shown once per width, on the post, where reading happens.
          if (colorScheme === "dark" && !name.startsWith("post")) return;
          const file = join(out, `${viewport.name}-${name}${colorScheme === "dark" ? "-dark" : ""}.png`);
          await page.screenshot({ path: file });
          console.log(`${viewport.name} ${colorScheme}: ${name} ok (${file.replace(`${ROOT}/`, "")})`);
        };

        await page.goto(`${site.url}/`);
        await checkLayout(page, "home");
        expectThat((await page.locator("article.entry").count()) === 2, "home: expected 2 posts on the first page");
        await shot("home");

        await page.locator('nav.pager a[rel="next"]').click();
        await page.waitForURL(/\/page\/2\/$/);
        await checkLayout(page, "page 2");
        expectThat((await page.locator("article.entry").count()) > 0, "page 2: no posts listed");
        await shot("page-2");

        await page.goto(`${site.url}/`);
        const first = page.locator("article.entry h2 a").first();
        const title = (await first.textContent())?.trim() ?? "";
        await first.click();
        await page.waitForURL((url) => url.pathname !== "/");
        await checkLayout(page, "post");
        expectThat((await page.locator("h1").first().textContent())?.trim() === title, `post: heading is not "${title}"`);
        await checkTechnicalPost(page, shot);
        await shot("post");

        const category = page.locator('.terms a[rel~="category"], .terms a[href*="/category/"]').first();
        expectThat((await category.count()) > 0, "post: the post's category is not a link (no category archives?)");
        const name = (await category.textContent())?.trim() ?? "";
        await category.click();
        await page.waitForURL(/\/category\//);
        await checkLayout(page, "category");
        const heading = (await page.locator("h1").first().textContent()) ?? "";
        expectThat(heading.includes(name), `category: heading "${heading}" does not name "${name}"`);
        await shot("category");
        await context.close();
      }
    }
  } catch (error) {
    if (!(error instanceof StepFailed)) throw error;
    problems.push(error.message);
  } finally {
    await browser.close();
    await site.close();
    rmSync(content, { recursive: true, force: true });
  }
  for (const p of problems) console.error(`FAIL ${p}`);
  console.log(problems.length === 0 ? "Browser walk: all steps passed." : `Browser walk: ${problems.length} problems.`);
  return problems.length === 0 ? 0 : 1;
}

runMain(() => main(process.argv.slice(2)));
