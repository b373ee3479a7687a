/** The text and file name of a new post: pure, so the template is tested without a clock or a disk. */
import { wallClockIn } from "../content/date.ts";
import { slugify } from "../content/permalink.ts";

export interface NewPost {
  /** Relative to the posts folder: `YYYY-MM-DD-slug.md`. */
  fileName: string;
  text: string;
}

export function newPost(title: string, author: string, now: Date, timeZone: string): NewPost {
  const local = wallClockIn(now.getTime(), timeZone);
  const slug = slugify(title) || "post";
  const day = `${local.year}-${local.month}-${local.day}`;
  // JSON strings are valid YAML double-quoted scalars: any title survives, colons and quotes included.
  const lines = [
    "---",
    `title: ${JSON.stringify(title)}`,
    `date: ${day} ${local.hour}:${local.minute}:${local.second} ${formatOffset(local.offsetMinutes)}`,
    ...(author === "" ? [] : [`author: ${JSON.stringify(author)}`]),
    "layout: post",
    "categories: []",
    "tags: []",
    "---",
    "",
    "Write the post here, in Markdown. Everything above `<!--more-->` is the teaser on the home page.",
    "",
    "<!--more-->",
    "",
  ];
  return { fileName: `${day}-${slug}.md`, text: lines.join("\n") };
}

/** `+0100` for an offset of 60 minutes. */
function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}
