/**
 * Every HTML page is drawn by a Liquid theme: the site's own, completed with the built-in one
 * (theme/built-in-theme.ts), or the built-in theme alone, which the Worker's bundle carries. One
 * Liquid engine per theme's templates and serving address is kept by the isolate: each layout and
 * include is parsed on the first page drawn with it, not on every uncached page, nor again after a
 * publish that changed only posts (theme/theme-engines.ts).
 */
import type { ThemeModel } from "../model/theme.ts";
import type { PageContext } from "../render/page-context.ts";
import { BUILT_IN_FILES } from "../theme/built-in-files.ts";
import type { BuiltInInput } from "../theme/built-in-page.ts";
import { builtInTheme, withBuiltIn } from "../theme/built-in-theme.ts";
import { renderThemed, type ThemedInput, type ThemedResult } from "../theme/render-page.ts";
import { readyTheme } from "../theme/theme-data.ts";
import { rendererFor } from "../theme/theme-engines.ts";

let builtIn: ThemeModel | null = null;

/** The built-in theme, made from the bundle's files once per isolate. */
export function bundledTheme(): ThemeModel {
  builtIn ??= builtInTheme(BUILT_IN_FILES);
  return builtIn;
}

const completed = new WeakMap<ThemeModel, ThemeModel>();

/** The theme a site's pages are drawn with: its stored one (completed, for a release published before that was done), or the built-in one. */
export function themeOf(stored: ThemeModel | null): ThemeModel {
  if (stored === null) return bundledTheme();
  if (stored.withBuiltIn === true) return stored;
  let theme = completed.get(stored);
  if (theme === undefined) {
    theme = withBuiltIn(stored, bundledTheme());
    completed.set(stored, theme);
  }
  return theme;
}

/** Draws `input` with `theme` for a request to `origin`. */
export function drawWith(theme: ThemeModel, input: ThemedInput): ThemedResult {
  const ready = readyTheme(theme, input.timezone);
  return renderThemed(ready, input, rendererFor(ready, input.origin, input.timezone));
}

/**
 * One of the engine's pages (a post, a list, search results, the 404) in the built-in theme's layouts,
 * looked up in `theme`. The built-in templates are the engine's: an error in them is a bug, thrown.
 */
export function drawEnginePage(theme: ThemeModel, ctx: PageContext, origin: string, input: BuiltInInput): string {
  const drawn = drawWith(theme, { ...input, origin, timezone: ctx.site.timezone });
  if ("problem" in drawn) {
    const { file, line, reason } = drawn.problem;
    throw new Error(`${file}:${line}: ${reason}`);
  }
  return drawn.html;
}
