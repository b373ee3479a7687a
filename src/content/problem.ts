/** A problem found in a content file, reported to the author as `file:line: reason`. */
export interface Problem {
  file: string;
  line: number;
  reason: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.reason}`;
}

/** Thrown when content cannot be published; carries every problem found, not just the first. */
export class ContentError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "ContentError";
    this.problems = problems;
  }
}
