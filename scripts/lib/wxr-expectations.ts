/**
 * What a reader should find on a site made from a WordPress export, read straight from the export
 * with another XML parser (fast-xml-parser) rather than the importer, so the check cannot agree with
 * the importer's own mistakes: which posts and pages are served at which old address, which are
 * not, and each served item's approved comments.
 */
import { readFileSync } from "node:fs";
import { decodeHTML } from "entities";
import { XMLParser } from "fast-xml-parser";

export interface ExpectedItem {
  id: string;
  title: string;
  type: string;
  status: string;
  /** The old address's path, or null when the export's link is a `?p=` address. */
  path: string | null;
  served: boolean;
  /** Approved comments (not pingbacks or trackbacks): id and author. */
  comments: Array<{ id: string; author: string }>;
}

type Node = Record<string, unknown>;

export function expectationsOf(file: string, now: number): ExpectedItem[] {
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => name === "item" || name === "wp:comment",
  });
  const doc = parser.parse(readFileSync(file, "utf8")) as Node;
  const channel = (doc.rss as Node).channel as Node;
  const out: ExpectedItem[] = [];
  for (const item of (channel.item ?? []) as Node[]) {
    const type = text(item["wp:post_type"]);
    if (type !== "post" && type !== "page") continue;
    const status = text(item["wp:status"]);
    const due = Date.parse(`${text(item["wp:post_date_gmt"]).replace(" ", "T")}Z`) <= now;
    const protectedByPassword = text(item["wp:post_password"]) !== "";
    out.push({
      id: text(item["wp:post_id"]),
      title: decodeHTML(text(item.title).replace(/<[^>]*>/g, "")).trim() || "(no title)",
      type,
      status,
      path: pathOf(text(item.link)),
      served: !protectedByPassword && (status === "publish" || (status === "future" && due)),
      comments: ((item["wp:comment"] ?? []) as Node[])
        .filter((c) => text(c["wp:comment_approved"]) === "1" && !["pingback", "trackback"].includes(text(c["wp:comment_type"])))
        .map((c) => ({ id: text(c["wp:comment_id"]), author: decodeHTML(text(c["wp:comment_author"])).trim() })),
    });
  }
  return out;
}

function text(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "object") return text((value as Node)["#text"]);
  return String(value).trim();
}

function pathOf(link: string): string | null {
  try {
    const url = new URL(link);
    if (/[?&](?:p|page_id)=/.test(url.search) || url.pathname === "/") return null;
    return url.pathname;
  } catch {
    return null;
  }
}
