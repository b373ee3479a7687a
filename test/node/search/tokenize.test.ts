import { describe, expect, it } from "vitest";
import { queryWords, rank } from "../../../src/search/query.ts";
import { shardOf, words } from "../../../src/search/tokenize.ts";

describe("search words", () => {
  it("folds case and accents in any script", () => {
    expect(words("Eyjafjallajökull, ÆRØ and Straße; Ελληνικά Кириллица")).toEqual([
      "eyjafjallajokull",
      "aero",
      "and",
      "strasse",
      "ελληνικα",
      "кириллица",
    ]);
  });

  it("cuts scripts written without spaces into words, the same in a text and alone", () => {
    const inText = words("私は東京都に住んでいます");
    expect(inText).toContain("東京");
    expect(words("東京")).toEqual(["東京"]);
    expect(words("ภาษาไทยง่าย").length).toBeGreaterThan(1);
  });

  it("shards by the first two characters, counting code points", () => {
    expect(shardOf("volcano")).toBe("vo");
    expect(shardOf("𝒳y")).toBe("𝒳y");
    expect(shardOf("a")).toBe("a");
    expect(shardOf("東京")).toBe("東");
  });
});

describe("ranking", () => {
  const shards = new Map([
    [
      "vo",
      {
        kind: "search-shard" as const,
        terms: { volcano: [[1, 10] as [number, number], [0, 1] as [number, number]], volcanic: [[2, 4] as [number, number]] },
      },
    ],
    ["as", { kind: "search-shard" as const, terms: { ash: [[0, 5] as [number, number], [2, 1] as [number, number]] } }],
  ]);

  it("ranks by weight, whole words above word starts", () => {
    expect(rank(queryWords("volcano"), shards).map((h) => h.doc)).toEqual([1, 0]);
    expect(rank(queryWords("volc"), shards).map((h) => h.doc)).toEqual([1, 2, 0]);
  });

  it("needs every word to match", () => {
    expect(rank(queryWords("volcanic ash"), shards)).toEqual([{ doc: 2, score: 5 }]);
    expect(rank(queryWords("volcano nothing"), shards)).toEqual([]);
  });
});
