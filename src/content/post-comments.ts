/**
 * A post's comments from its front matter (`comments:`, as a WordPress import writes them): each with
 * an id, an optional parent, the commenter's name and site, a date and the text. Read-only: the
 * engine shows them, it takes no new ones. Bad entries are reported at the `comments:` line.
 */
import { parseDate } from "./date.ts";
import type { Post } from "./post.ts";
import type { Problem } from "./problem.ts";

export interface PostComment {
  id: string;
  parent: string | null;
  author: string;
  /** The commenter's site (http or https only). */
  url: string | null;
  /** ISO 8601 UTC, or null when the entry has none. */
  date: string | null;
  /** `comment`, `pingback`, `trackback` (or a plugin's type). */
  type: string;
  /** As written: may hold HTML, of which the page keeps what WordPress allows in comments. */
  content: string;
}

export function readComments(post: Post, timeZone: string): { comments: PostComment[] } | { problems: Problem[] } {
  const raw = post.fields.comments;
  if (raw === undefined || raw === null) return { comments: [] };
  const line = post.keyLines.comments ?? 1;
  const fail = (reason: string) => ({ problems: [{ file: post.source, line, reason }] });
  if (!Array.isArray(raw)) return fail("comments must be a list of entries with id, author and content");
  const comments: PostComment[] = [];
  for (const [n, entry] of raw.entries()) {
    if (entry === null || typeof entry !== "object" || Array.isArray(entry))
      return fail(`comment ${n + 1} is not an entry with id, author and content`);
    const e = entry as Record<string, unknown>;
    const id = scalar(e.id);
    if (id === null) return fail(`comment ${n + 1} has no id`);
    const date = scalar(e.date);
    const ms = date === null ? null : parseDate(date, timeZone);
    if (date !== null && ms === null) return fail(`comment ${id} has an unparseable date "${date}"`);
    const url = scalar(e.url);
    comments.push({
      id,
      parent: scalar(e.parent) === "0" ? null : scalar(e.parent),
      author: scalar(e.author) ?? "",
      url: url !== null && /^https?:\/\/[^\s]+$/i.test(url) ? url : null,
      date: ms === null ? null : new Date(ms).toISOString(),
      type: scalar(e.type) ?? "comment",
      content: scalar(e.content) ?? "",
    });
  }
  return { comments };
}

function scalar(value: unknown): string | null {
  return typeof value === "string" || typeof value === "number" ? String(value) : null;
}
