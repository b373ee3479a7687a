/**
 * Front-matter dates as WordPress exports and Jekyll accept them: `2009-10-15`, `2009-10-15 13:58`,
 * `2009-10-15 13:58:48 +0200`, `2009-10-15T13:58:48+00:00`, `...Z`. A date without a zone is read in
 * the site's time zone, as Jekyll does.
 */

const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Parses a date; returns epoch milliseconds, or null when the text is not a real calendar date. */
export function parseDate(text: string, timeZone: string): number | null {
  const m = DATE.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "0", zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  const ms = Math.floor(Number(`0.${frac}`) * 1000);
  const wall = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms);
  if (zone !== undefined) return wall - zoneOffsetMinutes(zone) * 60_000;
  return wall - offsetInZone(wall, timeZone) * 60_000;
}

/** Whether an IANA time zone name is one this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function zoneOffsetMinutes(zone: string): number {
  if (zone.toUpperCase() === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/**
 * Offset of `timeZone` from UTC, in minutes, at (approximately) the wall-clock time given as if it
 * were UTC. Two passes settle the offset across a daylight-saving change.
 */
function offsetInZone(wallAsUtc: number, timeZone: string): number {
  if (timeZone === "UTC") return 0;
  const first = offsetAt(wallAsUtc, timeZone);
  return offsetAt(wallAsUtc - first * 60_000, timeZone);
}

function offsetAt(instant: number, timeZone: string): number {
  return wallClockIn(instant, timeZone).offsetMinutes;
}

/** The wall clock in `timeZone` at an instant: its fields, zero-padded, and the zone's UTC offset in minutes. */
export interface WallClock {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
  offsetMinutes: number;
}

/** One formatter per time zone: making one costs far more than using it, and a site has one or two zones. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function wallClockIn(instant: number, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? "00";
  const n = (type: string) => Number(get(type));
  const asUtc = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
    offsetMinutes: Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000),
  };
}
