/**
 * WXR dates: `wp:post_date` is the site's wall clock and `wp:post_date_gmt` the same moment in UTC,
 * so their difference is the site's UTC offset at that moment. Front matter gets the wall clock
 * with that offset (`2010-09-10T07:24:14-07:00`), the date WordPress showed, exactly placed.
 */

const WALL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Epoch ms of a `YYYY-MM-DD HH:MM:SS` read as UTC, or null (including WordPress's `0000-00-00 00:00:00`). */
export function wallAsUtc(text: string): number | null {
  const m = WALL.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = "0"] = m;
  if (Number(y) < 1) return null;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(ms);
  return check.getUTCDate() === Number(d) && check.getUTCMonth() === Number(mo) - 1 ? ms : null;
}

/** The site's UTC offset in minutes at that moment (to the nearest quarter hour), or null when the GMT date is missing. */
export function offsetMinutes(local: string, gmt: string): number | null {
  const a = wallAsUtc(local);
  const b = wallAsUtc(gmt);
  if (a === null || b === null) return null;
  const minutes = Math.round((a - b) / 60_000 / 15) * 15;
  return Math.abs(minutes) <= 14 * 60 ? minutes : null;
}

/** `2010-09-10T07:24:14-07:00`, or the wall clock alone (read in `_config.yml`'s zone) when no offset is known; null when unreadable. */
export function frontMatterDate(local: string, gmt: string): string | null {
  const wall = wallAsUtc(local);
  if (wall === null) return null;
  const iso = new Date(wall).toISOString().slice(0, 19);
  const offset = offsetMinutes(local, gmt);
  return offset === null ? iso.replace("T", " ") : `${iso}${formatOffset(offset)}`;
}

export function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** An IANA zone for a fixed whole-hour offset (`Etc/GMT+7` is seven hours *behind* UTC), or null. */
export function fixedZone(minutes: number): string | null {
  if (minutes === 0) return "UTC";
  if (minutes % 60 !== 0 || Math.abs(minutes) > 12 * 60) return null;
  const hours = minutes / 60;
  return `Etc/GMT${hours > 0 ? "-" : "+"}${Math.abs(hours)}`;
}
