/**
 * Liquid in a Jekyll site's pages against what Jekyll 4.3 wrote for the same pages
 * (test/fixtures/liquid/_expected/, made by `npm run jekyll:oracle`): filters, tags, includes,
 * `site` and `page` as Jekyll exposes them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../../src/cli/load-content.ts";
import { readSources, type Sources } from "../../../src/compile/read-sources.ts";

const FIXTURE = join(import.meta.dirname, "../../fixtures/liquid");
const EXPECTED = join(FIXTURE, "_expected");

describe("Liquid in pages, as Jekyll renders it", () => {
  let sources: Sources;
  beforeAll(async () => {
    sources = readSources(await loadContent(join(FIXTURE, "site")));
  });

  it("runs without problems", () => {
    expect(sources.problems).toEqual([]);
    expect(sources.templates).toEqual([]);
  });

  for (const page of readdirSync(EXPECTED)) {
    it(`writes ${page} as Jekyll does`, () => {
      const ours = sources.posts.find((p) => p.source === page);
      expect(ours?.body).toBe(readFileSync(join(EXPECTED, page), "utf8"));
    });
  }

  it("warns about the unknown filter at its line, and about nothing else", () => {
    expect(sources.warnings).toEqual([
      { file: "text-filters.html", line: 23, reason: "unknown filter no_such_filter: the value is used as it is, as Jekyll does" },
    ]);
  });
});
