/** Where a post's front matter value is written, for messages about it: the post's own line, or a `_config.yml` default's. */
import type { Post } from "./post.ts";
import type { Problem } from "./problem.ts";

export function keyOrigin(post: Pick<Post, "source" | "keyLines" | "keyOrigins">, key: string): { file: string; line: number } {
  return post.keyOrigins?.[key] ?? { file: post.source, line: post.keyLines[key] ?? 1 };
}

/** A problem or warning about the value of `key`, at the line that holds it. */
export function atKey(post: Pick<Post, "source" | "keyLines" | "keyOrigins">, key: string, reason: string): Problem {
  return { ...keyOrigin(post, key), reason };
}
