/**
 * Front matter keys that change how a post's page is built: `toc` (true forces a table of contents,
 * false turns it off; without it, posts with four or more sections get one) and `image` (the picture
 * for link previews: a path or URL, or jekyll-seo-tag's `{ path: … }`). A value of the wrong kind
 * stops the publish with the file and line, rather than being ignored.
 */
import type { Post } from "../content/post.ts";
import type { Problem } from "../content/problem.ts";

export interface PostOptions {
  /** null: decided by the number of sections. */
  toc: boolean | null;
  image: string | null;
}

export const DEFAULT_OPTIONS: PostOptions = { toc: null, image: null };

export function postOptions(post: Post): { ok: PostOptions } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const at = (key: string, reason: string) => problems.push({ file: post.source, line: post.keyLines[key] ?? 1, reason });
  const { toc, image } = post.fields;
  if (toc !== undefined && toc !== null && typeof toc !== "boolean") at("toc", `toc must be true or false, not ${JSON.stringify(toc)}`);
  const path = imagePath(image);
  if (path === undefined) at("image", "image must be a path or URL (image: /images/cover.png), or { path: … }");
  if (problems.length > 0) return { problems };
  return { ok: { toc: typeof toc === "boolean" ? toc : null, image: path ?? null } };
}

/** The image's path, null when there is none, undefined when the value cannot be one. */
function imagePath(value: unknown): string | null | undefined {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "string") return value.trim();
  if (typeof value === "object" && !Array.isArray(value)) {
    const path = (value as Record<string, unknown>).path ?? (value as Record<string, unknown>).url;
    if (typeof path === "string" && path.trim() !== "") return path.trim();
  }
  return undefined;
}
