/** A problem found in a content file, reported to the author as `file:line: reason` (or `file:line:column: reason`). */
export interface Problem {
  file: string;
  line: number;
  /** 1-based column, when the tool that found it knows one (a Liquid or Sass error): `file:line:column: reason`. */
  column?: number;
  reason: string;
}

export function formatProblem(p: Problem): string {
  return `${place(p)}: ${p.reason}`;
}

/** A warning: something the author should know that does not stop the publish. */
export function formatWarning(p: Problem): string {
  return `${place(p)}: warning: ${p.reason}`;
}

function place(p: Problem): string {
  return p.column === undefined ? `${p.file}:${p.line}` : `${p.file}:${p.line}:${p.column}`;
}
