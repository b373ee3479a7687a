/** WordPress's slug for a title (sanitize_title in the save context), as its own tests and documentation state it. */
import { describe, expect, it } from "vitest";
import { wordpressSlug } from "../../../src/import/wordpress-slug.ts";

describe("wordpressSlug", () => {
  it.each([
    ["Captain <strong>Awesome</strong>", "captain-awesome"],
    ["I'm in LOVE with WordPress!!!1", "im-in-love-with-wordpress1"],
    ["a          t", "a-t"],
    ["Hello world!", "hello-world"],
    ["Markup: Title <em>With</em> <b>Mark<sup>up</sup></b>", "markup-title-with-markup"],
    ["Café & Crème — “Déjà vu”", "cafe-creme-deja-vu"],
    ["Straße 3×4 a/b v1.2", "strasse-3x4-a-b-v1-2"],
    ["Ελληνικά-Greek", "ελληνικά-greek"],
    ["Version&nbsp;2&ndash;3", "version-2-3"],
    ["!!!", ""],
  ])("%s → %s", (title, slug) => {
    expect(wordpressSlug(title)).toBe(slug);
  });

  it("keeps a slug to 200 bytes percent-encoded, never cutting a letter", () => {
    expect(wordpressSlug("a".repeat(250))).toHaveLength(200);
    expect(wordpressSlug("é".repeat(10) + "ж".repeat(40))).toBe(`${"e".repeat(10)}${"ж".repeat(31)}`);
  });
});
