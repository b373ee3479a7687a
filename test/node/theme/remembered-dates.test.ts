/**
 * The date filters' answers are kept by the engine (filters/remembered-dates.ts): the second page
 * drawn with the same dates asks Intl nothing, each date keeps its own zone offset, and `now` is
 * never kept.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { type LiquidSite, liquidRenderer } from "../../../src/theme/liquid/index.ts";

const site: LiquidSite = {
  includes: new Map(),
  files: new Map(),
  postUrl: () => null,
  link: () => null,
  url: "",
  baseurl: "",
  timezone: "America/New_York",
};
const SOURCE = "{{ winter | date_to_xmlschema }} {{ summer | date_to_xmlschema }} {{ summer | date_to_string }} {{ summer | date: '%B' }}";
const scope = { winter: "2020-01-15T12:00:00Z", summer: new Date("2020-07-15T12:00:00Z") };

afterEach(() => vi.restoreAllMocks());

describe("remembered dates", () => {
  it("format each date once per engine, with its own offset", () => {
    const renderer = liquidRenderer(site);
    const intl = vi.spyOn(Date.prototype, "toLocaleString");
    const first = renderer.render({ source: SOURCE, file: "a.html", scope });
    expect(first).toMatchObject({ ok: "2020-01-15T07:00:00-05:00 2020-07-15T08:00:00-04:00 15 Jul 2020 July" });
    expect(intl).toHaveBeenCalled();
    intl.mockClear();
    const again = renderer.render({ source: SOURCE, file: "b.html", scope });
    expect(again).toEqual(first);
    expect(intl).not.toHaveBeenCalled();
  });

  it("never keep the present moment", () => {
    const renderer = liquidRenderer(site);
    const now = vi.spyOn(Date, "now").mockReturnValue(Date.parse("2021-03-01T00:00:00Z"));
    expect(renderer.render({ source: "{{ 'now' | date: '%Y-%m-%d' }}", file: "a.html", scope: {} })).toMatchObject({ ok: "2021-02-28" });
    now.mockReturnValue(Date.parse("2022-03-01T00:00:00Z"));
    expect(renderer.render({ source: "{{ 'now' | date: '%Y-%m-%d' }}", file: "a.html", scope: {} })).toMatchObject({ ok: "2022-02-28" });
  });
});
