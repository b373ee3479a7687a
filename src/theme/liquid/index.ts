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
  const state: RenderState = {
    site,
    file: input.file,
    lineOffset: (input.line ?? 1) - 1,
    warnings: [],
    warned: new Set(),
    includeDepth: 0,
  };
  const liquid = jekyllEngine(state);
  try {
    const templates = liquid.parse(input.source, input.file);
    return { ok: String(liquid.renderSync(templates, input.scope)), warnings: state.warnings };
  } catch (error) {
    return { problem: problemOf(error, state), warnings: state.warnings };
  }
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
