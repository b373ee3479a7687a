/**
 * CPU time the Worker spends drawing one post with the site's own theme when nothing is cached: the
 * steps of routes/themed-page.ts (the page's Liquid input, its layouts, the site's own links made
 * root-relative, the page's CSP found in the HTML) with the Liquid engine kept, as an isolate keeps it.
 * Runs in Node, on the same V8 engine workerd uses.
 */
import { loadContent } from "../../src/cli/load-content.ts";
import { compileSite } from "../../src/compile/compile-site.ts";
import { ownSite, rootRelativeLinks } from "../../src/compile/own-host-links.ts";
import { pagePolicy } from "../../src/http/content-security-policy.ts";
import type { PostModel } from "../../src/model/page-models.ts";
import { renderThemed, themeRenderer } from "../../src/theme/render-page.ts";
import { themeCsp } from "../../src/theme/theme-csp.ts";
import { readyTheme } from "../../src/theme/theme-data.ts";
import { postInput } from "../../src/theme/themed-input.ts";
import { type RenderCost, timeRenders } from "./render-cpu.ts";

const ORIGIN = "https://blog.example";

/** The themed post with the most HTML, drawn `rounds` times after a first draw that parses its layouts. */
export async function largestThemedPostRenderCost(corpusDir: string, rounds = 300): Promise<RenderCost> {
  const reading = compileSite(await loadContent(corpusDir));
  const build = reading.build;
  if (build === null) throw new Error(`${corpusDir} does not build`);
  if (build.theme === undefined) throw new Error(`${corpusDir} has no theme of its own`);
  const ready = readyTheme(build.theme, build.site.timezone);
  const base = { origin: ORIGIN, timezone: build.site.timezone };
  let largest: { path: string; model: PostModel } | null = null;
  for (const [path, page] of build.pages) {
    if (page.model.kind !== "post" || postInput(ready, page.model, base) === null) continue;
    if (largest === null || page.model.html.length > largest.model.html.length) largest = { path, model: page.model };
  }
  if (largest === null) throw new Error(`${corpusDir} has no post its theme draws`);
  const { path, model } = largest;
  const own = ownSite([build.site.url], typeof ready.site.baseurl === "string" ? ready.site.baseurl : "");
  const renderer = themeRenderer(ready, ORIGIN, base.timezone);

  const once = (): { ms: number; bytes: number } => {
    const start = performance.now();
    const input = postInput(ready, model, base);
    if (input === null) throw new Error(`${path} is not themed`);
    const drawn = renderThemed(ready, input, renderer);
    if ("problem" in drawn) throw new Error(`${drawn.problem.file}:${drawn.problem.line}: ${drawn.problem.reason}`);
    const html = rootRelativeLinks(drawn.html, own);
    pagePolicy(themeCsp(html, model.csp, build.theme?.evalScripts));
    return { ms: performance.now() - start, bytes: new TextEncoder().encode(html).byteLength };
  };
  return timeRenders(path, build.entries.find((p) => p.permalink === path)?.body ?? "", once, rounds);
}
