/**
 * Markdown in, HTML out: every `test/fixtures/markdown/NAME.md` must render to `NAME.html` exactly.
 * The cases are real shapes from WordPress exports (shortcodes, HTML blocks, images).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../../src/markdown/marked.ts";

const DIR = join(import.meta.dirname, "../../fixtures/markdown");
const cases = readdirSync(DIR)
  .filter((f) => f.endsWith(".md"))
  .sort();

describe("Markdown fixtures", () => {
  it("has cases to run", () => {
    expect(cases.length).toBeGreaterThan(5);
  });

  it.each(cases)("%s", (file) => {
    const source = readFileSync(join(DIR, file), "utf8");
    const expected = readFileSync(join(DIR, file.replace(/\.md$/, ".html")), "utf8");
    expect(renderMarkdown(source)).toBe(expected);
  });
});
