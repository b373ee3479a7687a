/**
 * A post's comments from its front matter. A list is the comments a WordPress import wrote: each with
 * an id, an optional parent, the commenter's name and site, a date and the text. Read-only: the
 * engine shows them, it takes no new ones. `comments: true` or `false` is the switch themes give
 * (minimal-mistakes, chirpy, beautiful-jekyll, minima, so-simple): false shows no comments section.
 * Bad entries are reported at the line that holds `comments:` (a `_config.yml` default's line when
 * the value came from there).
 */

import { parseDate } from "./date.ts";
import { readSwitch } from "./feature-fields.ts";
import { atKey } from "./key-origin.ts";
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

export interface PostComments {
  comments: PostComment[];
  /** false: the post's comments section is switched off (`comments: false`). */
  shown: boolean;
  warnings: Problem[];
}

export function readComments(post: Post, timeZone: string): PostComments | { problems: Problem[] } {
  const raw = post.fields.comments;
  if (!Array.isArray(raw)) {
    const read = readSwitch(raw, "comments");
    const warning = read.warning === undefined ? [] : [atKey(post, "comments", `${read.warning} (a list is imported comments)`)];
    return { comments: [], shown: read.value !== false, warnings: warning };
  }
  const fail = (reason: string) => ({ problems: [atKey(post, "comments", reason)] });
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
  return { comments, shown: true, warnings: [] };
}

function scalar(value: unknown): string | null {
  return typeof value === "string" || typeof value === "number" ? String(value) : null;
}
