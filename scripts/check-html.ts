/**
 * Serves a content folder as it deploys, saves the home page, a post, a page and the 404 page, and
 * runs the Nu HTML Checker (vnu-jar, the W3C validator's engine) on them. Exit code 0 only with zero errors.
 *
 *   npm run check:html -- [--content DIR] [--port 8923] [--paths /,/2009/10/x/,/about/]
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { nuHtmlCheckerJar, nuHtmlErrors } from "./lib/checkers.ts";
import { runMain } from "./lib/run-main.ts";
import { serveSite, siteOptions } from "./lib/serve-site.ts";

const DEFAULT_PATHS = "/,/2009/10/sidekick-data-recovered-most-of-it-maybe-all/,/about/,/no-such-page/";

async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { ...siteOptions(8923), paths: { type: "string", default: DEFAULT_PATHS } },
  });
  const paths = values.paths.split(",");
  nuHtmlCheckerJar(); // before serving anything: a checker that is not installed is said at once
  const site = await serveSite({ content: values.content, port: Number(values.port) });
  const dir = mkdtempSync(join(tmpdir(), "edgepress-html-"));
  try {
    const files: string[] = [];
    for (const [i, path] of paths.entries()) {
      const res = await site.fetch(path);
      const expected = path === "/no-such-page/" ? 404 : 200;
      if (res.status !== expected) {
        console.error(`FAIL ${path}: status ${res.status}, expected ${expected}`);
        return 1;
      }
      const file = join(dir, `${i}-${path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home"}.html`);
      writeFileSync(file, await res.text());
      files.push(file);
      console.log(`saved ${path}`);
    }
    const errors = nuHtmlErrors(files);
    for (const e of errors) console.error(e.replace(`${dir}/`, ""));
    console.log(`Nu HTML Checker: ${errors.length} errors in ${files.length} pages.`);
    return errors.length === 0 ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await site.close();
  }
}

runMain(() => main(process.argv.slice(2)));
