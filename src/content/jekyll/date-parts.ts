/**
 * The date placeholders of Jekyll's permalinks (lib/jekyll/drops/url_drop.rb), worked out from an
 * instant as the site's clock shows it: Jekyll formats a post's date with strftime in the site's
 * `timezone`. Names of months and days are English, as Ruby's strftime writes them whatever the locale.
 */
import { wallClockIn } from "../date.ts";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const DAY_MS = 86_400_000;

export const DATE_PLACEHOLDERS = [
  "year",
  "short_year",
  "month",
  "i_month",
  "short_month",
  "long_month",
  "day",
  "i_day",
  "y_day",
  "w_year",
  "week",
  "w_day",
  "short_day",
  "long_day",
  "hour",
  "minute",
  "second",
] as const;

export type DatePlaceholder = (typeof DATE_PLACEHOLDERS)[number];

export function dateParts(instant: number, timeZone: string): Record<DatePlaceholder, string> {
  const clock = wallClockIn(instant, timeZone);
  const year = Number(clock.year);
  const month = Number(clock.month);
  const day = Number(clock.day);
  // The calendar date alone, as a UTC midnight, for weekday and day-of-year arithmetic.
  const date = Date.UTC(year, month - 1, day);
  const weekday = new Date(date).getUTCDay();
  const iso = isoWeek(date);
  return {
    year: clock.year.padStart(4, "0"),
    short_year: clock.year.slice(-2),
    month: clock.month,
    i_month: String(month),
    short_month: (MONTHS[month - 1] ?? "").slice(0, 3),
    long_month: MONTHS[month - 1] ?? "",
    day: clock.day,
    i_day: String(day),
    y_day: String((date - Date.UTC(year, 0, 1)) / DAY_MS + 1).padStart(3, "0"),
    w_year: String(iso.year),
    week: String(iso.week).padStart(2, "0"),
    w_day: String(weekday === 0 ? 7 : weekday),
    short_day: (DAYS[weekday] ?? "").slice(0, 3),
    long_day: DAYS[weekday] ?? "",
    hour: clock.hour,
    minute: clock.minute,
    second: clock.second,
  };
}

/** ISO 8601 week-numbering year and week (strftime %G and %V): weeks start on Monday; week 1 holds the year's first Thursday. */
function isoWeek(date: number): { year: number; week: number } {
  const weekday = new Date(date).getUTCDay() || 7;
  const thursday = date + (4 - weekday) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  return { year, week: Math.floor((thursday - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1 };
}
