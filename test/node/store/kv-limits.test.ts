/** KV's limits are checked on UTF-8 sizes, counted without encoding. */
import { describe, expect, it } from "vitest";
import { utf8Bytes } from "../../../src/store/kv-limits.ts";

describe("a string's UTF-8 size", () => {
  it("is what TextEncoder writes, for every kind of character and for lone surrogates", () => {
    const texts = [
      "",
      "plain ASCII",
      "café — naïve",
      "日本語のテキスト",
      "emoji 🎉 and 👩‍👩‍👧",
      "lone \ud800 high",
      "lone \udc00 low",
      "end \ud83c",
      "\ud83c\ud83c\udf89",
    ];
    for (const text of texts) expect(utf8Bytes(text), JSON.stringify(text)).toBe(new TextEncoder().encode(text).byteLength);
  });
});
