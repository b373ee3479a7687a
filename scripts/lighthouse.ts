/**
 * Lighthouse (12.x, in headless Chromium) on the home page, the seed post and the technical post (code,
 * contents, footnotes), served as deployed.
 * Prints each category's score and fails when any is below the bar.
 *
 *   CHROME_PATH=/usr/bin/chromium npm run lighthouse -- [--preset mobile|desktop] [--port 8926] [--min 0.95] [--paths /,/2009/10/x/]
 *
 * Performance scores move with the machine's load (Lighthouse simulates a slow phone on top of it):
 * run it on a quiet machine, and read a failing performance score together with the audits it prints.
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { checkerFile } from "./lib/checks.ts";
import { runMain } from "./lib/run-main.ts";
import { serveSite, siteOptions } from "./lib/serve-site.ts";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const DEFAULT_PATHS = "/,/2009/10/sidekick-data-recovered-most-of-it-maybe-all/,/2026/11/technical-posts/";
const CHROME_FLAGS =
  "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync";

interface Report {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { score: number | null; title: string; scoreDisplayMode: string }>;
}

function lighthouse(cli: string, url: string, preset: string): Report {
  const run = spawnSync(
    process.execPath,
    [
      cli,
      url,
      "--output=json",
      "--output-path=stdout",
      "--quiet",
      `--only-categories=${CATEGORIES.join(",")}`,
      `--chrome-flags=${CHROME_FLAGS}`,
      ...(preset === "desktop" ? ["--preset=desktop"] : []),
    ],
    { encoding: "utf8", maxBuffer: 64 << 20, env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" } },
  );
  if (run.status !== 0) throw new Error(`lighthouse failed on ${url}: ${run.stderr.slice(-2000)}`);
  return JSON.parse(run.stdout) as Report;
}

async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...siteOptions(8926),
      min: { type: "string", default: "0.95" },
      paths: { type: "string", default: DEFAULT_PATHS },
      // Lighthouse's default is a throttled phone ("mobile"); "desktop" is its other preset.
      preset: { type: "string", default: "mobile" },
    },
  });
  const min = Number(values.min);
  const paths = values.paths.split(",");
  const preset = values.preset;
  const cli = checkerFile("lighthouse/cli/index.js");
  const site = await serveSite({ content: values.content, port: Number(values.port) });
  let failures = 0;
  try {
    console.log(`Lighthouse (${preset}) on ${site.url}, load average ${loadavg()[0]?.toFixed(1)}`);
    console.log(`| Page | ${CATEGORIES.join(" | ")} |\n|---|${CATEGORIES.map(() => "---").join("|")}|`);
    for (const path of paths) {
      const report = lighthouse(cli, site.url + path, preset);
      const scores = CATEGORIES.map((c) => report.categories[c]?.score ?? 0);
      console.log(`| \`${path}\` | ${scores.map((s) => s.toFixed(2)).join(" | ")} |`);
      for (const [i, score] of scores.entries()) {
        if (score >= min) continue;
        failures++;
        const weak = Object.values(report.audits)
          .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative")
          .map((a) => `${a.title} (${a.score})`);
        console.error(`FAIL ${path}: ${CATEGORIES[i]} ${score} < ${min}; weak audits: ${weak.join("; ")}`);
      }
    }
  } finally {
    await site.close();
  }
  return failures === 0 ? 0 : 1;
}

runMain(() => main(process.argv.slice(2)));
