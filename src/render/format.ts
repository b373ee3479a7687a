/** Dates and URLs as pages show them. */
import { encodePath } from "../content/permalink.ts";

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "October 15, 2009" in the site's language and time zone. */
export function displayDate(iso: string, lang: string, timeZone: string): string {
  const key = `${lang}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone });
    } catch {
      f = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });
    }
    formatters.set(key, f);
  }
  return f.format(new Date(iso));
}

/** Absolute URL of a canonical path on this site. */
export function absoluteUrl(origin: string, path: string): string {
  return origin.replace(/\/+$/, "") + encodePath(path);
}

export { encodePath as href };
