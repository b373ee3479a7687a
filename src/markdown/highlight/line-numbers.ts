/**
 * Which code kramdown numbers, read from `_config.yml`'s `kramdown: syntax_highlighter_opts:` as
 * kramdown's Rouge highlighter reads it (kramdown 2.4, converter/syntax_highlighter/rouge.rb): the
 * options at the top apply to blocks and to code spans, those under `block:` and `span:` to each
 * alone and win over the top's. Rouge numbers the lines when `line_numbers` is anything but false or
 * null (Ruby's truth), so `line_numbers: true` at the top numbers inline code too, as Jekyll does.
 */
import { type LineTable, ROUGE_TABLE } from "./rouge-table.ts";

export interface CodeLineNumbers {
  /** The table for fenced and indented blocks, or null when they are not numbered. */
  block: LineTable | null;
  /** The table for code spans, or null (kramdown's default). */
  span: LineTable | null;
}

export const NO_LINE_NUMBERS: CodeLineNumbers = { block: null, span: null };

/** The line numbers a site's `kramdown:` setting (as parsed from YAML, any shape) asks for. */
export function kramdownLineNumbers(kramdown: unknown): CodeLineNumbers {
  const opts = record(record(kramdown).syntax_highlighter_opts);
  if (Object.keys(opts).length === 0) return NO_LINE_NUMBERS;
  const { block, span, ...common } = opts;
  return { block: lineTable({ ...common, ...record(block) }), span: lineTable({ ...common, ...record(span) }) };
}

function lineTable(opts: Record<string, unknown>): LineTable | null {
  if (opts.line_numbers === undefined || opts.line_numbers === null || opts.line_numbers === false) return null;
  const text = (key: string, fallback: string) => (typeof opts[key] === "string" ? (opts[key] as string) : fallback);
  return {
    start: Number.isInteger(opts.start_line) ? (opts.start_line as number) : ROUGE_TABLE.start,
    format: text("line_format", ROUGE_TABLE.format),
    tableClass: text("table_class", ROUGE_TABLE.tableClass),
    gutterClass: text("gutter_class", ROUGE_TABLE.gutterClass),
    codeClass: text("code_class", ROUGE_TABLE.codeClass),
  };
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
