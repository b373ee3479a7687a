/** WordPress's `<!--more-->` marker: where the teaser shown in lists ends and the rest of the post begins. */

// WordPress accepts `<!--more-->` and `<!--more Custom link text-->`.
const MORE = /<!--\s*more(?:\s[^>]*?)?\s*-->/i;

/** The part before the marker, or null when the post has none. */
export function splitAtMore(body: string): { teaser: string; rest: string } | null {
  const m = MORE.exec(body);
  if (!m) return null;
  return { teaser: body.slice(0, m.index), rest: body.slice(m.index + m[0].length) };
}

/** Replaces the marker with the anchor that a list's "Continue reading" link jumps to. */
export function markMore(body: string): string {
  return body.replace(MORE, '<span id="more"></span>');
}
