/**
 * liquidjs's date filters, each answer kept for the engine's life: every call works out the site
 * zone's offset for the date with two `toLocaleString` calls and spells month names through Intl,
 * about a tenth of a millisecond each, and a theme formats the same few dates (the page's, its
 * neighbours') on every page. A date's text depends only on the value, the arguments and the
 * engine's settings, so a kept answer is the one liquidjs would give; `now` and `today` are never
 * kept. A kept answer still counts the memory it counted the first time against the render's limit.
 */
import type { Context, FilterImplOptions } from "liquidjs";

/** What liquidjs calls a filter with as `this`. */
type FilterThis = { context: Context };
type Filter = (this: FilterThis, ...args: unknown[]) => unknown;

/** Answers kept per filter; the oldest go when it is full, so an isolate's memory stays bounded. */
const KEPT = 2_000;

export const DATE_FILTERS = ["date", "date_to_xmlschema", "date_to_rfc822", "date_to_string", "date_to_long_string"] as const;

interface Counted {
  base: number;
  use(count: number): void;
}

export function rememberedDates(options: FilterImplOptions): Filter {
  const filter = options as unknown as Filter;
  if (typeof options !== "function") throw new Error("a date filter is a function");
  const kept = new Map<string, { text: unknown; counted: number }>();
  return function remembered(this: FilterThis, ...args: unknown[]) {
    const key = keyOf(args);
    const limiter = this.context.memoryLimit as unknown as Counted;
    if (key === null) return filter.apply(this, args);
    const held = kept.get(key);
    if (held !== undefined) {
      limiter.use(held.counted);
      return held.text;
    }
    const before = limiter.base;
    const text = filter.apply(this, args);
    if (kept.size >= KEPT) kept.delete(kept.keys().next().value as string);
    kept.set(key, { text, counted: limiter.base - before });
    return text;
  };
}

/** The arguments as a key, or null when one of them is not a plain value or names the present moment. */
function keyOf(args: unknown[]): string | null {
  const parts: string[] = [];
  for (const arg of args) {
    if (arg instanceof Date) parts.push(`d${arg.getTime()}`);
    else if (typeof arg === "string") {
      if (arg === "now" || arg === "today") return null;
      parts.push(`s${arg}`);
    } else if (typeof arg === "number") parts.push(`n${arg}`);
    else if (arg === undefined || arg === null) parts.push(String(arg));
    else return null;
  }
  return parts.join("\u0000");
}
