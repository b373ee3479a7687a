/**
 * Temporary differential check while both renderers exist: publishes a content folder and draws every
 * HTML page with src/render/ and with the built-in Liquid theme, and reports the first difference of each.
 *   npx tsx scripts/built-in-diff.ts DIR...
 */
import { readBuiltInFiles } from "../src/cli/built-in-files.ts";
import { loadContent } from "../src/cli/load-content.ts";
import { compileSite } from "../src/compile/compile-site.ts";
import type { ListModel, PostModel } from "../src/model/page-models.ts";
import { renderListPage } from "../src/render/list-page.ts";
import { renderPostPage } from "../src/render/post-page.ts";
import { renderSearchPage } from "../src/render/search-page.ts";
import { renderNotFoundPage } from "../src/render/status-page.ts";
import { highlightHtml } from "../src/search/excerpt.ts";
import { type BuiltInInput, listPageInput, notFoundPageInput, postPageInput, searchPageInput } from "../src/theme/built-in-page.ts";
import { builtInTheme } from "../src/theme/built-in-theme.ts";
import { renderThemed } from "../src/theme/render-page.ts";
import { readyTheme } from "../src/theme/theme-data.ts";

const ready = readyTheme(builtInTheme(await readBuiltInFiles()));
let pages = 0;
let differ = 0;
function compare(label: string, old: string, input: BuiltInInput, timezone: string, origin: string) {
  pages++;
  const drawn = renderThemed(ready, { ...input, origin, timezone });
  if ("problem" in drawn) {
    differ++;
    console.log(`${label}: ${JSON.stringify(drawn.problem)}`);
    return;
  }
  if (drawn.html === old) return;
  differ++;
  let i = 0;
  while (i < old.length && old[i] === drawn.html[i]) i++;
  console.log(
    `${label}: differs at ${i}\n  old: ${JSON.stringify(old.slice(i - 80, i + 120))}\n  new: ${JSON.stringify(drawn.html.slice(i - 80, i + 120))}`,
  );
}
for (const dir of process.argv.slice(2)) {
  const content = await loadContent(dir);
  const compiled = compileSite(content, {}, undefined, { drafts: true, future: true } as never);
  if (compiled.build === null) {
    console.log(dir, compiled.problems.slice(0, 3));
    continue;
  }
  const site = compiled.build.site;
  for (const origin of ["http://localhost:8801"]) {
    for (const [path, page] of compiled.build.pages) {
      const ctx = { site, origin: site.url ?? origin, path };
      if (page.view === "post") {
        const model = page.model as PostModel;
        compare(`${dir} ${path}`, renderPostPage(ctx, model), postPageInput(ctx, model), site.timezone, origin);
        compare(
          `${dir} ${path} (draft)`,
          renderPostPage(ctx, { ...model, preview: "draft" }, { index: false }),
          postPageInput(ctx, { ...model, preview: "draft" }, { index: false }),
          site.timezone,
          origin,
        );
        compare(
          `${dir} ${path} (scheduled)`,
          renderPostPage(ctx, { ...model, preview: "scheduled" }),
          postPageInput(ctx, { ...model, preview: "scheduled" }),
          site.timezone,
          origin,
        );
      } else if (page.view === "list") {
        const model = page.model as ListModel;
        compare(`${dir} ${path}`, renderListPage(ctx, model), listPageInput(ctx, model), site.timezone, origin);
      }
    }
    const ctx404 = { site, origin, path: "/404" };
    compare(`${dir} 404`, renderNotFoundPage(ctx404), notFoundPageInput(ctx404), site.timezone, origin);
    const docs = [...compiled.build.pages.values()].flatMap((p) => (p.view === "post" ? [p.model as PostModel] : [])).slice(0, 12);
    for (const query of ["", 'the <b>"x"</b>', "post"]) {
      const words = query === "" ? [] : ["the", "post"];
      const found = docs.map((d) => ({ title: d.title, permalink: d.permalink, date: d.date, text: d.description }));
      const results = { query, words, docs: found, total: found.length, page: 2, pages: 3 };
      const sctx = { site, origin, path: `/search/${query}/` };
      compare(
        `${dir} search ${query}`,
        renderSearchPage(sctx, results),
        searchPageInput(sctx, { ...results, docs: found.map((d) => ({ ...d, excerptHtml: highlightHtml(d.text, words) })) }),
        site.timezone,
        origin,
      );
    }
  }
}
console.log(`${pages} pages drawn both ways, ${differ} differ`);
process.exitCode = differ === 0 ? 0 : 1;
