/** A problem found in a content file, reported to the author as `file:line: reason`. */
export interface Problem {
  file: string;
  line: number;
  reason: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.reason}`;
}

/** A warning: something the author should know that does not stop the publish. */
export function formatWarning(p: Problem): string {
  return `${p.file}:${p.line}: warning: ${p.reason}`;
}
