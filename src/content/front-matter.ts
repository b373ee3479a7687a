/**
 * Splits a source file into YAML front matter and body, and parses the YAML with line numbers
 * so every later check can point at the line it is about.
 */
import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import type { Problem } from "./problem.ts";

export interface FrontMatter {
  data: Record<string, unknown>;
  /** 1-based line of each top-level key in the file, for messages. */
  lines: Record<string, number>;
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

/** Returns null when the file has no front matter at all (Jekyll leaves such files alone). */
export function splitFrontMatter(file: string, text: string): { ok: FrontMatter } | { problems: Problem[] } | null {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const open = OPEN.exec(src);
  if (!open) return null;
  const rest = src.slice(open[0].length);
  // An empty block (`---` straight after `---`) is legal and means "no keys".
  const close = rest.startsWith("---") ? { index: 0, 0: "---" } : CLOSE.exec(rest);
  if (!close) {
    return { problems: [{ file, line: 1, reason: "front matter is opened with --- but never closed" }] };
  }
  const yamlText = rest.slice(0, close.index);
  const afterClose = rest.slice(close.index + close[0].length).replace(/^\r?\n/, "");
  const yamlFirstLine = 2;
  const bodyLine = yamlFirstLine + countLines(yamlText) + 1;

  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => ({
        file,
        line: yamlFirstLine - 1 + (e.linePos?.[0].line ?? 1),
        // The library's message ends with its own (YAML-relative) position; ours is the file line.
        reason: `invalid YAML in front matter: ${firstLine(e.message).replace(/ at line \d+, column \d+:?$/, "")}`,
      })),
    };
  }
  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) {
    return { problems: [{ file, line: yamlFirstLine, reason: "front matter must be a set of `key: value` lines" }] };
  }
  const lines: Record<string, number> = {};
  for (const item of contents?.items ?? []) {
    if (isScalar(item.key) && item.key.range) {
      lines[String(item.key.value)] = yamlFirstLine - 1 + lineCounter.linePos(item.key.range[0]).line;
    }
  }
  const data = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>;
  return { ok: { data, lines, body: afterClose, bodyLine } };
}

function countLines(s: string): number {
  if (s === "") return 0;
  return s.split("\n").length - (s.endsWith("\n") ? 1 : 0);
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}
