/**
 * An item's comments as front matter: only approved ones (WordPress showed no others), with the
 * commenter's name, site, date and text, threaded by `parent`. Never the commenter's e-mail address,
 * IP address or user id. Pingbacks and trackbacks keep their type so the page can list them apart.
 */
import { frontMatterDate } from "./wxr-dates.ts";
import type { WxrComment } from "./wxr-types.ts";

export interface CommentTally {
  /** Approved comments shown under their post. */
  shown: number;
  /** Approved pingbacks and trackbacks. */
  pings: number;
  /** Waiting for moderation (`0`): not shown, as on WordPress. */
  pending: number;
  spam: number;
  trash: number;
}

export function emptyTally(): CommentTally {
  return { shown: 0, pings: 0, pending: 0, spam: 0, trash: 0 };
}

export function addTally(into: CommentTally, from: CommentTally): void {
  for (const key of Object.keys(into) as Array<keyof CommentTally>) into[key] += from[key];
}

export type CommentEntry = Record<string, string | number>;

export function commentEntries(comments: readonly WxrComment[]): { entries: CommentEntry[]; tally: CommentTally } {
  const tally = emptyTally();
  const entries: CommentEntry[] = [];
  for (const c of comments) {
    const approved = c.approved === "1" || c.approved.toLowerCase() === "approve";
    if (!approved) {
      if (c.approved === "spam") tally.spam++;
      else if (c.approved === "trash" || c.approved === "post-trashed") tally.trash++;
      else tally.pending++;
      continue;
    }
    const type = c.type === "" || c.type === "comment" ? "comment" : c.type;
    if (type === "pingback" || type === "trackback") tally.pings++;
    else tally.shown++;
    const entry: CommentEntry = { id: numeric(c.id) };
    if (c.parent !== "" && c.parent !== "0") entry.parent = numeric(c.parent);
    entry.author = c.author;
    const url = commenterSite(c.authorUrl);
    if (url !== null) entry.url = url;
    const date = frontMatterDate(c.date, c.dateGmt);
    if (date !== null) entry.date = date;
    if (type !== "comment") entry.type = type;
    entry.content = c.content.replace(/\r\n?/g, "\n").trim();
    entries.push(entry);
  }
  return { entries, tally };
}

/** The commenter's web site, when it is an http(s) address; anything else (mailto:, javascript:) is dropped. */
function commenterSite(url: string): string | null {
  const trimmed = url.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    return new URL(trimmed).href;
  } catch {
    return null;
  }
}

function numeric(id: string): string | number {
  return /^\d{1,15}$/.test(id) ? Number(id) : id;
}
