/**
 * Validates the HTML the site generates with the Nu HTML Checker (vnu-jar, needs Java): a sample of
 * every kind of list (home, each archive kind, their later pages), search results and 404 for a
 * content folder. Post pages are left out: their bodies are the author's HTML, as exported.
 *   npx tsx scripts/validate-html.ts [CONTENT_DIR]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { memorySite } from "./lib/memory-site.ts";

const folder = process.argv[2] ?? "content";
const site = await memorySite(folder);
const paths = Object.keys(site.release.routes);
const pick = (re: RegExp) => paths.filter((p) => re.test(p)).slice(0, 2);
const sample = [
  "/",
  ...pick(/^\/category\/[^/]+\/$/),
  ...pick(/^\/tag\/[^/]+\/$/),
  ...pick(/^\/author\/[^/]+\/$/),
  ...pick(/^\/\d{4}\/$/),
  ...pick(/^\/\d{4}\/\d{2}\/$/),
  ...pick(/^\/\d{4}\/\d{2}\/\d{2}\/$/),
  ...pick(/\/page\/2\/$/),
  "/search/the/",
  "/?s=data",
  "/search/zzzznothing/",
  "/search/",
  "/no/such/page/",
];
const dir = mkdtempSync(join(tmpdir(), "edgepress-html-"));
const files: string[] = [];
for (const [i, path] of sample.entries()) {
  const res = await site.get(path);
  const file = join(dir, `${i}.html`);
  writeFileSync(file, await res.text());
  files.push(file);
  console.log(`${res.status} ${path} -> ${file}`);
}
try {
  execFileSync("java", ["-jar", "node_modules/vnu-jar/build/dist/vnu.jar", "--errors-only", "--format", "gnu", ...files], {
    stdio: "inherit",
  });
  console.log(`vnu: ${files.length} pages, no errors`);
} catch {
  process.exitCode = 1;
}
