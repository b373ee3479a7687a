/** A problem found in a content file, reported to the author as `file:line: reason`. */
export interface Problem {
  file: string;
  line: number;
  reason: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.reason}`;
}
