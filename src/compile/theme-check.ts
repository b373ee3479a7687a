/**
 * Draws every themed page of a snapshot once, with the code the Worker draws them with, so that a
 * Liquid error in a layout or an include stops the publish at `FILE:line:column` (nothing written)
 * instead of reaching a reader, and an unknown filter or tag is reported once per place in the
 * templates, not once per page that runs it. The engine's own pages (archives, a post naming no
 * layout of the site's, search, the 404) are drawn in the built-in theme's layouts the site's theme
 * completes, as the Worker draws them. Pure: the pages and the theme come in.
 */
import type { Problem } from "../content/problem.ts";
import type { SiteConfig } from "../model/site.ts";
import type { ThemeModel } from "../model/theme.ts";
import { listPageInput, notFoundPageInput, postPageInput, searchPageInput } from "../theme/built-in-page.ts";
import type { LiquidRenderer } from "../theme/liquid/index.ts";
import { sitePlugins } from "../theme/liquid/plugins.ts";
import { type Converters, renderThemed, type ThemedInput, themeRenderer } from "../theme/render-page.ts";
import { type ReadyTheme, readyTheme } from "../theme/theme-data.ts";
import { listInput, postInput } from "../theme/themed-input.ts";
import type { BuiltPage } from "./types.ts";

/** `site.url` while checking: the Worker gives the address each request came to; any fixed one finds the same errors. */
const CHECK_ORIGIN = "http://localhost";

export function checkTheme(
  pages: ReadonlyMap<string, BuiltPage>,
  theme: ThemeModel,
  site: SiteConfig,
  { onePerLayout = false, kept, converters }: { onePerLayout?: boolean; kept?: KeptRenderer; converters?: Converters } = {},
): { problems: Problem[]; warnings: Problem[] } {
  const ready = readyTheme(theme, site.timezone);
  const base = { origin: CHECK_ORIGIN, timezone: site.timezone };
  const renderer = kept?.for(ready, site.timezone, converters) ?? themeRenderer(ready, CHECK_ORIGIN, site.timezone, converters);
  const problems = new Map<string, Problem>();
  const warnings = new Map<string, Problem>();
  const check = (input: ThemedInput) => {
    const drawn = renderThemed(ready, input, renderer);
    // Warnings are `FILE:line`, as a post's own Liquid warnings are; one per place and reason.
    for (const { column: _column, ...w } of drawn.warnings) {
      const key = `${w.file}:${w.line}:${w.reason}`;
      if (!warnings.has(key)) warnings.set(key, w);
    }
    if ("problem" in drawn) {
      const p = drawn.problem;
      const key = `${p.file}:${p.line}:${p.column ?? 0}:${p.reason}`;
      if (!problems.has(key)) problems.set(key, p);
    }
  };
  // Local preview draws one page of each kind and layout per save (a template's own mistakes show on
  // the first page drawn with it); a publish draws them all.
  const drawnKinds = new Set<string>();
  for (const [path, page] of pages) {
    if (onePerLayout) {
      const kind =
        page.model.kind === "post"
          ? `post:${page.model.theme?.layout ?? ""}`
          : `${page.model.kind}:${page.model.kind === "list" && page.model.base === "/"}`;
      if (drawnKinds.has(kind)) continue;
      drawnKinds.add(kind);
    }
    const ctx = { site, origin: CHECK_ORIGIN, path };
    if (page.view === "post" && page.model.kind === "post") {
      const own = postInput(ready, page.model, base);
      // A post naming a layout the site lacks is the built-in theme's alone: nothing of the site's to check.
      if (own !== null) check(own);
      else if (page.model.theme?.missing !== true) check({ ...postPageInput(ctx, page.model), ...base });
    } else if (page.view === "list" && page.model.kind === "list")
      check(listInput(ready, page.model, base) ?? { ...listPageInput(ctx, page.model), ...base });
  }
  check({ ...notFoundPageInput({ site, origin: CHECK_ORIGIN, path: "/404" }), ...base });
  check({
    ...searchPageInput({ site, origin: CHECK_ORIGIN, path: "/search/" }, { query: "", docs: [], total: 0, page: 1, pages: 1 }),
    ...base,
  });
  return { problems: [...problems.values()], warnings: [...warnings.values()] };
}

/**
 * The Liquid engine a watching process (`npm run dev`) checks with, kept from save to save while
 * what it holds is the same: the includes (parsed by name), the site's base URL, plugins and time
 * zone. Layouts are parsed by their text, so an edited layout is parsed again in any case; a post
 * saved leaves all of it alone, and the check no longer parses every template on every save. A
 * template's parse warnings (an unknown tag) are then said by the save that first parsed it.
 */
export class KeptRenderer {
  #key = "";
  #renderer: LiquidRenderer | null = null;
  // The save's own markdownify and highlight stores: the kept engine converts into the theme being checked now.
  #converters: Converters | undefined;

  for(ready: ReadyTheme, timezone: string, converters?: Converters): LiquidRenderer {
    this.#converters = converters;
    // What the publish keeps for post_url, link and include_relative is in the key: a new post's address is looked up anew.
    const { markdown: _converted, highlight: _highlighted, ...lookups } = ready.theme.lookups ?? {};
    const key = JSON.stringify([ready.theme.includes, ready.site.baseurl ?? "", sitePlugins(ready.site), timezone, lookups]);
    if (this.#renderer === null || key !== this.#key) {
      const kept: Converters = {
        markdown: (text) => this.#converters?.markdown(text) ?? text,
        highlight: (code, lang) => this.#converters?.highlight(code, lang) ?? null,
      };
      this.#renderer = themeRenderer(ready, CHECK_ORIGIN, timezone, kept);
      this.#key = key;
    }
    return this.#renderer;
  }
}
