/**
 * A time as Jekyll hands it to Liquid (`page.date`, `post.date`, `site.time`: Ruby Time objects):
 * a Date to the date filters, comparisons and sorting, and written as Ruby's Time#to_s writes it,
 * `2020-05-06 02:08:09 -0500`, on the site's clock, wherever Liquid turns it into text: printed bare,
 * joined by `append`, escaped, and in `jsonify` (the json gem's Time#to_json is to_s quoted). A plain
 * Date would print JavaScript's `Wed May 06 2020 …` and an ISO string `2020-05-06T07:08:09.000Z`,
 * which no Jekyll theme ever showed.
 */
import { wallClockIn } from "../../content/date.ts";

export class JekyllTime extends Date {
  readonly #zone: string;
  #text: string | undefined;

  constructor(instant: number, zone: string) {
    super(instant);
    this.#zone = zone;
  }

  /** Ruby's Time#to_s (`%Y-%m-%d %H:%M:%S %z`), worked out once: a theme prints the same few dates on every page. */
  override toString(): string {
    this.#text ??= rubyTime(this.getTime(), this.#zone);
    return this.#text;
  }

  override toJSON(): string {
    return this.toString();
  }
}

/** `value` as a JekyllTime when it is a date the engine stored (ISO text) or made; anything else as it is. */
export function jekyllTime(value: unknown, zone: string): unknown {
  if (value instanceof JekyllTime) return value;
  const instant =
    value instanceof Date ? value.getTime() : typeof value === "string" && STORED.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(instant) ? value : new JekyllTime(instant, zone);
}

/** The form dates are stored in (Date#toISOString): a front-matter string written otherwise is the author's text. */
const STORED = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{3})?Z$/;

function rubyTime(instant: number, zone: string): string {
  const c = wallClockIn(instant, zone);
  const offset = Math.abs(c.offsetMinutes);
  const sign = c.offsetMinutes < 0 ? "-" : "+";
  const hhmm = `${String(Math.floor(offset / 60)).padStart(2, "0")}${String(offset % 60).padStart(2, "0")}`;
  return `${c.year}-${c.month}-${c.day} ${c.hour}:${c.minute}:${c.second} ${sign}${hhmm}`;
}
