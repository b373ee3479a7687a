/**
 * Paths claimed twice: by two posts, a post and a media file, or an old address and a page the engine
 * generates. A post or page at an address of the engine's own keeps it, as on the old site, and the
 * engine's page moves aside (movedAside).
 */

import type { MediaFile } from "../content/content-files.ts";
import type { Post } from "../content/post.ts";
import type { Problem } from "../content/problem.ts";

/** Shared drafts' addresses (routes/preview.ts): never a post's, so a signed link cannot be shadowed. */
const PREVIEWS = /^\/_preview\//;

/** Where the engine's own page goes when an author's page has its address: the same address after `/index.php`. */
export const MOVED_PREFIX = "/index.php";

/**
 * The engine's pages an author's post or page takes the address of (`generated`: every path of a list,
 * archive, feed or sitemap, with what it is), each moved to `/index.php` + its path, and one warning
 * per such file. Search and robots.txt answer outside the route table: a page at `/search/…` or
 * `/robots.txt` wins over them (search keeps `/?s=`, which its form sends to). The home page's own
 * address is never taken: a post there stays a problem (findConflicts).
 */
export function movedAside(
  entries: readonly Post[],
  media: readonly MediaFile[],
  generated: ReadonlyMap<string, string>,
): { moves: Map<string, string>; warnings: Problem[] } {
  const moves = new Map<string, string>();
  const warnings: Problem[] = [];
  const mediaPaths = new Set(media.map(mediaPath));
  const seen = new Set<string>();
  for (const post of entries) {
    const path = post.permalink;
    if (seen.has(path) || mediaPaths.has(path)) continue;
    seen.add(path);
    const at = (reason: string) =>
      warnings.push({
        file: post.source,
        line: post.keyLines.permalink ?? post.keyLines.title ?? 1,
        reason: `${path} is this file's address, as on the old site; ${reason}`,
      });
    const what = generated.get(path);
    if (what !== undefined && path !== "/") {
      moves.set(path, `${MOVED_PREFIX}${path}`);
      at(`${what} moves to ${MOVED_PREFIX}${path}`);
    } else if (path.startsWith("/search/")) at("the blog's search answers at /?s=, where its search form sends");
    else if (path === "/robots.txt") at("the blog's own robots.txt (which names the sitemap) is not served");
  }
  return { moves, warnings };
}

export function mediaPath(file: MediaFile): string {
  return `/${file.path}`.normalize("NFC");
}

/** `generated`: every path of a list, archive, feed or sitemap, with what it is, for the message. */
export function findConflicts(entries: readonly Post[], media: readonly MediaFile[], generated: ReadonlyMap<string, string>): Problem[] {
  const problems: Problem[] = [];
  const byPath = new Map<string, Post>();
  const mediaPaths = new Set(media.map(mediaPath));
  const byId = new Map<string, Post>();
  const line = (p: Post, key: string) => p.keyLines[key] ?? p.keyLines.date ?? p.keyLines.title ?? 1;
  for (const post of entries) {
    const owner = byPath.get(post.permalink);
    const at = (reason: string) => problems.push({ file: post.source, line: line(post, "permalink"), reason });
    const shadowed = generated.get(post.permalink);
    if (owner) at(`permalink ${post.permalink} is also claimed by ${owner.source}`);
    else if (mediaPaths.has(post.permalink)) at(`permalink ${post.permalink} is the path of a media file`);
    else if (shadowed !== undefined) at(`permalink ${post.permalink} is the address of ${shadowed}`);
    else if (PREVIEWS.test(post.permalink)) at(`permalink ${post.permalink} is under /_preview/, where shared drafts are served`);
    else byPath.set(post.permalink, post);
    if (post.id !== null) {
      const twin = byId.get(post.id);
      if (twin) problems.push({ file: post.source, line: line(post, "id"), reason: `id ${post.id} is also used by ${twin.source}` });
      else byId.set(post.id, post);
    }
  }
  for (const file of media) {
    const shadowed = generated.get(mediaPath(file));
    if (shadowed !== undefined) problems.push({ file: file.path, line: 1, reason: `this file's path is the address of ${shadowed}` });
  }
  for (const post of entries) {
    for (const from of post.redirectFrom) {
      const owner = byPath.get(from);
      const shadowed = generated.get(from);
      const at = (reason: string) => problems.push({ file: post.source, line: line(post, "redirect_from"), reason });
      if (owner) at(`redirect_from ${from} is the permalink of ${owner.source}`);
      else if (shadowed !== undefined) at(`redirect_from ${from} is the address of ${shadowed}`);
    }
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
