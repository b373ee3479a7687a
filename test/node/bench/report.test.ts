import { describe, expect, it } from "vitest";
import { median, type Round, summarise } from "../../../scripts/bench/report.ts";
import type { LoadResult } from "../../../scripts/bench/wrk.ts";

const at = (rps: number): LoadResult => ({ rps, p50Ms: 1000 / rps, p99Ms: 10_000 / rps, requests: rps * 3, non2xx3xx: 0 });
const round = (hello: number, small: number, large: number): Round => ({ hello: at(hello), small: at(small), large: at(large) });

describe("summarising benchmark rounds", () => {
  it("takes the median of each round's own ratio, so one disturbed round moves nothing", () => {
    // Round 2 ran while something else had the machine: everything slower, its ratios off.
    const s = summarise([round(1000, 900, 850), round(400, 100, 90), round(1100, 1000, 950)]);
    expect(s.smallVsHello).toBeCloseTo(0.9, 5);
    expect(s.largeVsHello).toBeCloseTo(0.85, 5);
    expect(s.largeVsSmall).toBeCloseTo(850 / 900, 5);
    expect(s.perRound.largeVsHello.map((x) => Number(x.toFixed(3)))).toEqual([0.85, 0.225, 0.864]);
    expect(s.rps).toEqual({ hello: 1000, small: 900, large: 850 });
  });

  it("refuses to summarise nothing rather than print made-up figures", () => {
    expect(() => summarise([])).toThrow(/no rounds/);
  });

  it("finds medians of odd and even counts", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
