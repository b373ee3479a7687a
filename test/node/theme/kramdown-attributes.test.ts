/**
 * kramdown's attribute lists and extensions in a Jekyll site's post, against Debian jekyll's build
 * of test/fixtures/theme-kramdown/ (`_expected/attributes.html`): every element of the body has the
 * classes, ids and attributes Jekyll gives it, in the same order, and `{::options}` and
 * `{::comment}` leave what kramdown leaves.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { loadContent } from "../../../src/cli/load-content.ts";
import { drawThemed } from "../helpers/themed-draw.ts";

const FIXTURE = join(import.meta.dirname, "../../fixtures/theme-kramdown");

/** The body's opening tags with their attributes (`/>` and the lazy-loading hint are how each engine writes an image), and its comments. */
function elements(page: string): string[] {
  const body = page.slice(page.indexOf("</div>", page.indexOf('<div class="lede">')), page.indexOf("</article>"));
  return [...body.matchAll(/<[a-z][^>]*>|<!--[\s\S]*?-->/g)].map((m) => m[0].replace(/\s*\/>$/, ">").replace(/ loading="lazy"/, ""));
}

it("applies attribute lists to blocks and spans as Jekyll's kramdown does", async () => {
  const ours = drawThemed(await loadContent(FIXTURE), "/2021/05/02/attributes.html", "https://kramdown.example");
  const jekyll = readFileSync(join(FIXTURE, "_expected/attributes.html"), "utf8");
  expect(elements(ours)).toEqual(elements(jekyll));
  expect(ours).not.toContain("{:");
});

it("keeps the author's heading levels, as Jekyll does", async () => {
  const ours = drawThemed(await loadContent(FIXTURE), "/2021/05/02/attributes.html", "https://kramdown.example");
  const levels = (html: string) => [...html.matchAll(/<h([1-6])\b/g)].map((m) => m[1]);
  expect(levels(ours)).toEqual(levels(readFileSync(join(FIXTURE, "_expected/attributes.html"), "utf8")));
});
