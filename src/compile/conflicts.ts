/** Paths claimed twice: by two posts, a post and a media file, or a post and a page the engine generates. */

import type { MediaFile } from "../content/content-files.ts";
import type { Post } from "../content/post.ts";
import type { Problem } from "../content/problem.ts";

/** Paths the engine answers itself, outside the route table. */
const RESERVED = [/^\/search\//, /^\/robots\.txt$/, /^\/_preview\//];

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
    else if (RESERVED.some((r) => r.test(post.permalink))) at(`permalink ${post.permalink} is reserved for the blog's own pages`);
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
