/** A YAML data file read with the line of every value, so a bad entry is reported as `file:line: reason`. */
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { Problem } from "../problem.ts";

/** A value in a data file, with its line and typed getters for what the engine reads. */
export class DataNode {
  constructor(
    readonly node: Node | null,
    readonly line: number,
    private readonly lines: LineCounter,
  ) {}

  get value(): unknown {
    return this.node === null ? null : this.node.toJSON();
  }

  isMap(): boolean {
    return isMap(this.node);
  }

  /** The value under `key` of a map, or undefined. */
  get(key: string): DataNode | undefined {
    if (!isMap(this.node)) return undefined;
    const pair = this.node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (!pair) return undefined;
    return this.wrap(pair.value as Node | null, pair.key as Node);
  }

  /** A scalar under `key` as text (numbers as written), or null when missing or not a scalar. */
  text(key: string): string | null {
    const node = this.get(key)?.node;
    if (!isScalar(node) || node.value === null || node.value === undefined) return null;
    return typeof node.value === "object" ? null : String(node.value);
  }

  items(): DataNode[] {
    return isSeq(this.node) ? this.node.items.map((n) => this.wrap(n as Node, n as Node)) : [];
  }

  entries(): Array<[string, DataNode]> {
    if (!isMap(this.node)) return [];
    return this.node.items
      .filter((p) => isScalar(p.key))
      .map((p) => [String((p.key as { value: unknown }).value), this.wrap(p.value as Node | null, p.key as Node)]);
  }

  private wrap(node: Node | null, at: Node | null): DataNode {
    const offset = (node?.range ?? at?.range)?.[0];
    return new DataNode(node, offset === undefined ? this.line : this.lines.linePos(offset).line, this.lines);
  }
}

export function readDataFile(file: string, text: string): { root: DataNode } | { problems: Problem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => ({
        file,
        line: e.linePos?.[0].line ?? 1,
        reason: `invalid YAML: ${(e.message.split("\n")[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, "")}`,
      })),
    };
  }
  return { root: new DataNode(doc.contents as Node | null, 1, lines) };
}
