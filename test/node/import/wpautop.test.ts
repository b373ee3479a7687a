/** WordPress's paragraph formatting: each fixture is classic content in (`.txt`) and what WordPress shows out (`.html`). */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { shortcodeUnautop, wpautop } from "../../../src/import/wpautop.ts";

const DIR = join(import.meta.dirname, "../../fixtures/wpautop");

describe("wpautop", () => {
  for (const name of readdirSync(DIR).filter((f) => f.endsWith(".txt"))) {
    it(name.replace(/\.txt$/, ""), () => {
      const html = shortcodeUnautop(wpautop(readFileSync(join(DIR, name), "utf8")), ["gallery", "caption"]);
      expect(html).toBe(readFileSync(join(DIR, name.replace(/\.txt$/, ".html")), "utf8"));
    });
  }

  it("gives nothing for blank content and keeps single-line text in one paragraph", () => {
    expect(wpautop(" \n\n ")).toBe("");
    expect(wpautop("Just one line")).toBe("<p>Just one line</p>\n");
  });

  it("keeps newlines inside tags and comments, and in scripts", () => {
    expect(wpautop('A <img\nsrc="x.png"> here <!-- a\nnote -->')).toBe('<p>A <img\nsrc="x.png"> here <!-- a\nnote --></p>\n');
    expect(wpautop("<script>\nvar a = 1;\nvar b = 2;\n</script>")).toContain("var a = 1;\nvar b = 2;");
  });

  it("leaves a shortcode wrapped in a paragraph when it shares the line with text", () => {
    expect(shortcodeUnautop(wpautop('See [gallery ids="1"] here'), ["gallery"])).toBe('<p>See [gallery ids="1"] here</p>\n');
  });
});
