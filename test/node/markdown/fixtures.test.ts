/**
 * Markdown in, HTML out: each `test/fixtures/markdown/NAME.md` must render exactly to `NAME.html`
 * with the shared Marked instance. To accept a deliberate change, regenerate with
 * `UPDATE_FIXTURES=1 npx vitest run test/node/markdown` and review the diff.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../../src/markdown/marked.ts";

const DIR = join(import.meta.dirname, "../../fixtures/markdown");

describe("markdown fixtures", () => {
  const names = readdirSync(DIR).filter((f) => f.endsWith(".md"));
  it("has fixtures", () => expect(names.length).toBeGreaterThan(3));
  for (const name of names) {
    it(name, () => {
      const html = renderMarkdown(readFileSync(join(DIR, name), "utf8"));
      const expectedPath = join(DIR, name.replace(/\.md$/, ".html"));
      if (process.env.UPDATE_FIXTURES) writeFileSync(expectedPath, html);
      expect(html).toBe(readFileSync(expectedPath, "utf8"));
    });
  }
});
