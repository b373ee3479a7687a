import { describe, expect, it } from "vitest";
import { cappedPolicy } from "../../../src/http/cache-policy.ts";
import type { Answer, Release } from "../../../src/model/release.ts";
import { answerAt, nextBoundary, scheduleEpoch } from "../../../src/model/release-lookup.ts";

const release = { boundaries: [100, 200] } as unknown as Release;

describe("a key's answers at a moment", () => {
  const home: Answer[] = [
    [0, "list", 0],
    [100, "list", 1],
    [200, "list", 2],
  ];
  const scheduled: Answer[] = [[200, "post", 3]];
  const moved: Answer[] = [[200, "redirect", "/new/"]];
  const removed: Answer[] = [
    [0, "post", 4],
    [150, "gone"],
  ];

  it("answers with the latest one whose time has come", () => {
    expect(answerAt(home, 99)).toEqual([0, "list", 0]);
    expect(answerAt(home, 100)).toEqual([100, "list", 1]);
    expect(answerAt(home, 250)).toEqual([200, "list", 2]);
    expect(answerAt(scheduled, 199)).toBeUndefined();
    expect(answerAt(scheduled, 200)).toEqual([200, "post", 3]);
    expect(answerAt(moved, 199)).toBeUndefined();
    expect(answerAt(moved, 200)).toEqual([200, "redirect", "/new/"]);
    expect(answerAt(removed, 149)).toEqual([0, "post", 4]);
    expect(answerAt(removed, 150)).toBeUndefined();
    expect(answerAt(undefined, 0)).toBeUndefined();
  });

  it("knows the next moment anything changes, and how many have passed", () => {
    expect(nextBoundary(release, 0)).toBe(100);
    expect(nextBoundary(release, 100)).toBe(200);
    expect(nextBoundary(release, 200)).toBeNull();
    expect([0, 99, 100, 199, 200, 1e12].map((t) => scheduleEpoch(release, t))).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it("caps every cache lifetime at that moment", () => {
    expect(cappedPolicy("page", 42.7)).toBe("public, max-age=42, stale-if-error=604800");
    expect(cappedPolicy("page", 1e9)).not.toContain("stale-while-revalidate");
  });
});
