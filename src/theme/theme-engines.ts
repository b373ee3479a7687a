/**
 * The Liquid engines an isolate keeps: one per theme's templates and serving address, so each layout
 * and include is parsed on the first page drawn with it, not on every uncached page, nor again after a
 * publish that changed only posts (a theme read from a release naming its templates' content id,
 * store/theme-values.ts). A theme without that id (the built-in one, a release published before)
 * keeps its engines as long as the isolate keeps the theme.
 */
import type { LiquidRenderer } from "./liquid/index.ts";
import { sitePlugins } from "./liquid/plugins.ts";
import { type ThemeRenderer, themeRenderer } from "./render-page.ts";
import type { ReadyTheme } from "./theme-data.ts";

const renderers = new WeakMap<ReadyTheme, Map<string, LiquidRenderer>>();
/** Engines by templates' content id and what else shapes a parse or a URL; a few kept (sites, rollbacks, addresses). */
const byTemplates = new Map<string, ThemeRenderer>();
const KEPT_ENGINES = 8;

/** The engine to draw `ready` with for a request to `origin`, its lookups pointed at `ready`'s. */
export function rendererFor(ready: ReadyTheme, origin: string, timezone: string): LiquidRenderer {
  const id = ready.theme.templates;
  if (id !== undefined) {
    const key = JSON.stringify([id, origin, timezone, ready.site.baseurl ?? "", sitePlugins(ready.site)]);
    let renderer = byTemplates.get(key);
    if (renderer === undefined) {
      renderer = themeRenderer(ready, origin, timezone);
      for (const old of byTemplates.keys()) {
        if (byTemplates.size < KEPT_ENGINES) break;
        byTemplates.delete(old);
      }
    } else byTemplates.delete(key);
    byTemplates.set(key, renderer);
    renderer.use(ready);
    return renderer;
  }
  const byAddress = renderers.get(ready) ?? new Map<string, LiquidRenderer>();
  renderers.set(ready, byAddress);
  const key = `${origin} ${timezone}`;
  let renderer = byAddress.get(key);
  if (renderer === undefined) {
    renderer = themeRenderer(ready, origin, timezone);
    byAddress.set(key, renderer);
  }
  return renderer;
}
