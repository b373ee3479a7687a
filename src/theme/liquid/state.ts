/** What one render carries beside liquidjs's own context: the site, the file, and the warnings so far. */
import type { LiquidProblem, LiquidSite } from "./site.ts";

export interface RenderState {
  site: LiquidSite;
  /** The page's file (`include_relative` resolves against it, as Jekyll's does, even inside an include). */
  file: string;
  /** Added to a line of the template's text to give the line in `file` (front matter lines before it). */
  lineOffset: number;
  warnings: LiquidProblem[];
  /** Places already warned about: a tag inside a loop warns once. */
  warned: Set<string>;
  includeDepth: number;
}

/** Adds a warning at a template position ([line, column] of liquidjs's token), once per place and reason. */
export function warn(state: RenderState, file: string | undefined, at: readonly number[], reason: string): void {
  const own = file === undefined || file === "" || file === state.file;
  const line = (at[0] ?? 1) + (own ? state.lineOffset : 0);
  const where = own ? state.file : (file ?? state.file);
  const key = `${where}:${line}:${at[1] ?? 1}:${reason}`;
  if (state.warned.has(key)) return;
  state.warned.add(key);
  state.warnings.push({ file: where, line, column: at[1] ?? 1, reason });
}
