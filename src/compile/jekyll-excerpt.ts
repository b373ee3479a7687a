/**
 * A post's `excerpt` as Jekyll gives it to a theme (lib/jekyll/excerpt.rb): the front matter's
 * `excerpt:` when it has one, else the post up to `excerpt_separator` (front matter, then
 * `_config.yml`, by default a blank line: its first paragraph, converted). Other separators keep the
 * engine's teaser, which already stops at `<!--more-->`.
 */
import { parseFragment, serializeOuter } from "parse5";
import type { Prepared } from "./types.ts";

export function jekyllExcerpt({ post, html, excerpt }: Prepared, config: Record<string, unknown>): string {
  if (post.excerpt !== null) return post.excerpt;
  const separator = post.fields.excerpt_separator ?? config.excerpt_separator ?? "\n\n";
  if (separator !== "\n\n") return excerpt.html;
  const first = parseFragment(html).childNodes.find((node) => "tagName" in node);
  return first === undefined ? html : `${serializeOuter(first)}\n`;
}
