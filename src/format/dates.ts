/** Dates as pages and feeds write them. */

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

/** RFC 3339 timestamp in UTC, without milliseconds (the form most feed readers show as written): Atom, JSON Feed. */
export function rfc3339(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** RFC 822 date as RSS 2.0 requires; `toUTCString` produces exactly that form ("Thu, 15 Oct 2009 13:58:48 GMT"). */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}
