/**
 * Liquid in Jekyll's dialect, for posts, pages and (later) themes: `renderLiquid` runs one template
 * with the site's includes and files given in memory, and returns its text and warnings, or the
 * problem that stops the publish, at `FILE:line:column`. Pure: it runs in the publisher and the Worker.
 */
import { LiquidError } from "liquidjs";
import { jekyllEngine } from "./engine.ts";
import type { LiquidInput, LiquidProblem, LiquidResult, LiquidSite } from "./site.ts";
import type { RenderState } from "./state.ts";

export type { LiquidInput, LiquidProblem, LiquidResult, LiquidSite } from "./site.ts";

export function renderLiquid(site: LiquidSite, input: LiquidInput): LiquidResult {
  return liquidRenderer(site).render(input);
}

/** Renders many templates with one engine: each template and include is parsed once. */
export interface LiquidRenderer {
  render(input: LiquidInput): LiquidResult;
}

/**
 * One engine for many renders of the same site's templates (the publish drawing every themed page):
 * a template is parsed the first time it is rendered and its parse reused, which is most of the cost
 * of a page. The parse limit then bounds all the templates together; render and memory limits stay
 * per render. An unknown tag warns when parsed, so only the first render of its template reports it.
 */
export function liquidRenderer(site: LiquidSite): LiquidRenderer {
  const state: RenderState = { site, file: "", lineOffset: 0, warnings: [], warned: new Set(), includeDepth: 0 };
  const liquid = jekyllEngine(state);
  // By file, then by text: the text is the theme's own string each time, so its hash is worked out
  // once, where a key joining the two was a new string of the whole template to hash on every render.
  const parsed = new Map<string, Map<string, ReturnType<typeof liquid.parse>>>();
  return {
    render(input) {
      Object.assign(state, { file: input.file, lineOffset: (input.line ?? 1) - 1, warnings: [], warned: new Set(), includeDepth: 0 });
      try {
        let texts = parsed.get(input.file);
        if (texts === undefined) {
          texts = new Map();
          parsed.set(input.file, texts);
        }
        let templates = texts.get(input.source);
        if (templates === undefined) {
          templates = liquid.parse(input.source, input.file);
          texts.set(input.source, templates);
        }
        return { ok: String(liquid.renderSync(templates, input.scope)), warnings: state.warnings };
      } catch (error) {
        return { problem: problemOf(error, state), warnings: state.warnings };
      }
    },
  };
}

function problemOf(error: unknown, state: RenderState): LiquidProblem {
  const at = innermost(error);
  const reason = `Liquid: ${cleanMessage(at ?? error)}`;
  const token = at?.token;
  if (token === undefined) return { file: state.file, line: state.lineOffset + 1, reason };
  const [line = 1, column = 1] = token.getPosition();
  const own = token.file === undefined || token.file === "" || token.file === state.file;
  return { file: own ? state.file : (token.file ?? state.file), line: line + (own ? state.lineOffset : 0), column, reason };
}

/** An error raised inside an include carries the include's token; the outer ones wrap it. */
function innermost(error: unknown): (LiquidError & { token?: { file?: string | undefined; getPosition(): number[] } }) | null {
  let current: unknown = error;
  let found: LiquidError | null = null;
  for (let depth = 0; depth < 50 && current instanceof Error; depth++) {
    if (LiquidError.is(current)) found = current as LiquidError;
    current = (current as { originalError?: unknown }).originalError;
  }
  return found as (LiquidError & { token?: { file?: string | undefined; getPosition(): number[] } }) | null;
}

function cleanMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/, file:.*?, line:\d+, col:\d+$|, line:\d+, col:\d+$/, "");
}
