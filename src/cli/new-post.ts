/** The text and file name of a new post: pure, so the template is tested without a clock or a disk. */
import { slugify } from "../content/permalink.ts";

export interface NewPost {
  /** Relative to the posts folder: `YYYY-MM-DD-slug.md`. */
  fileName: string;
  text: string;
}

export function newPost(title: string, author: string, now: Date, timeZone: string): NewPost {
  const local = wallClock(now, timeZone);
  const slug = slugify(title) || "post";
  const day = `${local.year}-${local.month}-${local.day}`;
  // JSON strings are valid YAML double-quoted scalars: any title survives, colons and quotes included.
  const lines = [
    "---",
    `title: ${JSON.stringify(title)}`,
    `date: ${day} ${local.hour}:${local.minute}:${local.second} ${local.offset}`,
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

interface WallClock {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
  /** `+0100` */
  offset: string;
}

function wallClock(now: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  const get = (k: string) => parts[k] ?? "00";
  const asUtc = Date.UTC(
    Number(get("year")),
    Number(get("month")) - 1,
    Number(get("day")),
    Number(get("hour")),
    Number(get("minute")),
    Number(get("second")),
  );
  const minutes = Math.round((asUtc - Math.floor(now.getTime() / 1000) * 1000) / 60_000);
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
    offset,
  };
}
