import { describe, expect, it } from "vitest";
import { CJK_CHARACTERS_PER_MINUTE, readingMinutes, WORDS_PER_MINUTE } from "../../../src/compile/reading-time.ts";

const words = (n: number, word = "word") => Array.from({ length: n }, () => word).join(" ");

describe("reading time", () => {
  it("counts spaced words at 238 a minute, rounded, never under a minute", () => {
    expect(WORDS_PER_MINUTE).toBe(238);
    expect(readingMinutes("")).toBe(1);
    expect(readingMinutes(words(238 * 10))).toBe(10);
    expect(readingMinutes(words(238 * 4 + 100))).toBe(4);
    // Punctuation standing alone is not a word; Cyrillic and Greek words are.
    expect(readingMinutes(`${words(238 * 3)} — … ${words(238 * 2, "слово")}`)).toBe(5);
  });

  it("counts Chinese and Japanese in characters, not as a few long words", () => {
    expect(CJK_CHARACTERS_PER_MINUTE).toBe(425);
    const chinese = "边缘计算让页面离读者更近。".repeat(Math.ceil((425 * 6) / 13));
    expect(readingMinutes(chinese)).toBe(6);
    const japanese = "ひらがなとカタカナと漢字。".repeat(Math.ceil((425 * 3) / 13));
    expect(readingMinutes(japanese)).toBe(3);
    // Mixed: 2 minutes of English and 2 of Chinese.
    expect(readingMinutes(`${words(476)} ${"读".repeat(850)}`)).toBe(4);
  });

  it("cuts Thai, written without spaces, into words", () => {
    const thai = "ภาษาไทยเขียนติดกัน ".repeat(400);
    expect(readingMinutes(thai)).toBeGreaterThan(3);
  });
});
