/**
 * The WordPress-export check: imports an export into a fresh folder, publishes it into a fresh local
 * KV, serves the deployable bundle and reads it as a reader would. Every published post and page must
 * answer 200 at its old address with its title (and `/?p=ID` lead there); nothing unpublished (draft,
 * pending, private, trash, password-protected, scheduled and not yet due) may answer; every approved
 * comment must appear under its post; the pages must validate (Nu HTML Checker).
 *
 *   npm run check:wordpress -- EXPORT.xml      (default: ../shared/corpus/wordpress-wxr/themeunittestdata.wordpress.xml)
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { decodeHTML } from "entities";
import { withWranglerDefaults } from "../src/cli/wrangler-env.ts";
import { SavedPages } from "./lib/page-html.ts";
import { typedPath } from "./lib/project.ts";
import { runMain } from "./lib/run-main.ts";
import { serveSite } from "./lib/serve-site.ts";
import { expectationsOf } from "./lib/wxr-expectations.ts";

const ROOT = resolve(import.meta.dirname, "..");
const require = createRequire(import.meta.url);

runMain(async () => {
  const file = typedPath(process.argv[2] ?? join(ROOT, "../shared/corpus/wordpress-wxr/themeunittestdata.wordpress.xml"));
  const failures: string[] = [];
  const fail = (m: string) => failures.push(m);
  const work = mkdtempSync(join(tmpdir(), "edgepress-wxr-"));
  const content = join(work, "site");
  const imported = execFileSync(
    process.execPath,
    [require.resolve("tsx/cli"), join(ROOT, "src/cli/index.ts"), "import", file, "--out", content],
    {
      cwd: ROOT,
      env: withWranglerDefaults(process.env),
      encoding: "utf8",
    },
  );
  console.log(imported.trim().split("\n").slice(0, 5).join("\n"));
  const worker = await serveSite({ content });
  const expected = expectationsOf(file, Date.now());
  const pages = new SavedPages();
  try {
    let served = 0;
    let hidden = 0;
    let comments = 0;
    for (const item of expected) {
      const label = `${item.type} ${item.id} "${item.title}" (${item.status})`;
      let path = item.path;
      if (path === null) {
        const res = await worker.fetch(`/?${item.type === "page" ? "page_id" : "p"}=${item.id}`);
        path = res.status === 301 ? new URL(res.headers.get("location") ?? "/", worker.url).pathname : null;
        if (item.served && path === null) fail(`${label}: /?p=${item.id} answered ${res.status}, expected a redirect to the post`);
        if (!item.served && res.status !== 404) fail(`${label}: /?p=${item.id} answered ${res.status} for an unpublished item`);
        else if (!item.served) hidden++;
        if (path === null) continue;
      }
      const res = await worker.fetch(path);
      const body = await res.text();
      if (!item.served) {
        if (res.status === 200) fail(`${label}: ${path} answered 200, but the item is not published`);
        else hidden++;
        continue;
      }
      const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(body)?.[1];
      if (res.status !== 200) fail(`${label}: ${path} answered ${res.status}`);
      // A title's markup (`<em>`) shows in the heading, as on WordPress: the heading's text is the title.
      else if (h1 === undefined || decodeHTML(h1.replace(/<[^>]*>/g, "")).trim() !== item.title)
        fail(`${label}: ${path} shows the title ${JSON.stringify(h1)}`);
      else served++;
      for (const c of item.comments) {
        const at = body.indexOf(`id="comment-${c.id}"`);
        const shown = at >= 0 && decodeHTML(body.slice(at, at + 2000)).includes(c.author);
        if (shown) comments++;
        else fail(`${label}: approved comment ${c.id} by ${c.author} is not under the post`);
      }
      if (pages.count < 400) pages.save(path, body);
    }
    const wanted = expected.filter((i) => i.served).length;
    const approved = expected.filter((i) => i.served).reduce((n, i) => n + i.comments.length, 0);
    console.log(`published: ${served}/${wanted} answer 200 at their old address with their title`);
    console.log(`unpublished: ${hidden}/${expected.length - wanted} answer nothing`);
    console.log(`comments: ${comments}/${approved} approved comments appear under their post`);
    // The engine's markup (menus, featured images, comments) must validate; errors inside the
    // authors' post bodies are theirs, published as they wrote them.
    pages.report(fail);
  } finally {
    await worker.close();
    pages.remove();
    rmSync(work, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    console.error(`\n${failures.length} failures:\n${failures.slice(0, 100).join("\n")}`);
    return 1;
  }
  console.log("WordPress export check passed");
  return 0;
});
