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
  const held = firstParagraphs.get(excerpt);
  if (held?.html === html) return held.first;
  const node = parseFragment(html).childNodes.find((child) => "tagName" in child);
  const first = node === undefined ? html : `${serializeOuter(node)}\n`;
  firstParagraphs.set(excerpt, { html, first });
  return first;
}

/**
 * Each post's first paragraph, by the post's excerpt object: a watching process (`npm run dev`) hands
 * the same object back for a post it did not render again, so a save parses the HTML of the posts it
 * changed, not of every post. Checked against the HTML it was cut from.
 */
const firstParagraphs = new WeakMap<Prepared["excerpt"], { html: string; first: string }>();
