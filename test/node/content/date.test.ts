import { describe, expect, it } from "vitest";
import { parseDate } from "../../../src/content/date.ts";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe("parseDate", () => {
  it.each([
    ["2009-10-15T13:58:48+00:00", "UTC", "2009-10-15T13:58:48.000Z"],
    ["2009-10-15T13:58:48+02:00", "UTC", "2009-10-15T11:58:48.000Z"],
    ["2009-10-15T13:58:48Z", "Europe/Lisbon", "2009-10-15T13:58:48.000Z"],
    ["2009-10-15 13:58:48 +0200", "UTC", "2009-10-15T11:58:48.000Z"],
    ["2009-10-15 13:58", "UTC", "2009-10-15T13:58:00.000Z"],
    ["2009-10-15", "UTC", "2009-10-15T00:00:00.000Z"],
    ["  2021-06-19T13:48:00+00:00", "UTC", "2021-06-19T13:48:00.000Z"],
    ["2021-06-19T13:48:00.250+00:00", "UTC", "2021-06-19T13:48:00.250Z"],
    // Without a zone, the site's zone applies, daylight saving included.
    ["2009-07-01 12:00", "Europe/Lisbon", "2009-07-01T11:00:00.000Z"],
    ["2009-01-01 12:00", "Europe/Lisbon", "2009-01-01T12:00:00.000Z"],
    ["2009-07-01 12:00", "America/New_York", "2009-07-01T16:00:00.000Z"],
    ["2024-02-29", "UTC", "2024-02-29T00:00:00.000Z"],
  ])("%s in %s", (text, zone, expected) => {
    expect(iso(parseDate(text, zone))).toBe(expected);
  });

  it.each(["2009-13-01", "2009-02-30", "2023-02-29", "15/10/2009", "yesterday", "2009-10-15T25:00:00Z", "", "2009-10-15T13:58:48+0"])(
    "rejects %j",
    (text) => {
      expect(parseDate(text, "UTC")).toBeNull();
    },
  );
});
