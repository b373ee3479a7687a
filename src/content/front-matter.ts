/**
 * Splits a source file into YAML front matter and body, and parses the YAML with line numbers
 * so every later check can point at the line it is about.
 */
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { Problem } from "./problem.ts";

export interface FrontMatter {
  data: Record<string, unknown>;
  /**
   * 1-based line of each key in the file, for messages: top-level keys by name, nested ones by their
   * dotted path (`defaults.0.values.layout`).
   */
  lines: Record<string, number>;
  /** Top-level keys whose value is written as a plain (unquoted) scalar: YAML gives those a type. */
  plain: ReadonlySet<string>;
  /** Things worth saying that do not stop a publish: a key given twice. */
  warnings: Problem[];
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
  // Jekyll's YAML reader (Psych) accepts a key given twice and keeps the last value; so do we, and say so.
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: false, merge: true, prettyErrors: true });
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
  const warnings: Problem[] = [];
  const lineOf = (offset: number) => yamlFirstLine - 1 + lineCounter.linePos(offset).line;
  recordKeys(contents, "", lineOf, lines, (key, line) =>
    warnings.push({ file, line, reason: `key ${key} is given twice; the last value is used, as Jekyll does` }),
  );
  const plain = new Set<string>();
  for (const item of contents?.items ?? []) {
    if (isScalar(item.key) && isScalar(item.value) && item.value.type === "PLAIN") plain.add(String(item.key.value));
  }
  const data = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>;
  return { ok: { data, lines, plain, warnings, body: afterClose, bodyLine } };
}

/** Records the line of every key under `node` (nested keys dotted, list items by index) and reports repeats. */
function recordKeys(
  node: Node | null | undefined,
  prefix: string,
  lineOf: (offset: number) => number,
  lines: Record<string, number>,
  repeated: (key: string, line: number) => void,
): void {
  if (isMap(node)) {
    const seen = new Set<string>();
    for (const item of node.items) {
      if (!isScalar(item.key) || !item.key.range || typeof item.key.value === "symbol") continue;
      const key = prefix + String(item.key.value);
      const line = lineOf(item.key.range[0]);
      if (seen.has(key)) repeated(key, line);
      seen.add(key);
      lines[key] = line;
      recordKeys(item.value as Node | null, `${key}.`, lineOf, lines, repeated);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const key = `${prefix}${i}`;
      const range = (item as Node | null)?.range;
      if (range) lines[key] = lineOf(range[0]);
      recordKeys(item as Node | null, `${key}.`, lineOf, lines, repeated);
    });
  }
}

function countLines(s: string): number {
  if (s === "") return 0;
  return s.split("\n").length - (s.endsWith("\n") ? 1 : 0);
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}
