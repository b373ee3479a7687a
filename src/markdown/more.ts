/** WordPress's `<!--more-->` marker: where the teaser shown in lists ends and the rest of the post begins. */

// WordPress accepts `<!--more-->` and `<!--more Custom link text-->`.
const MORE = /<!--\s*more(?:\s[^>]*?)?\s*-->/i;

/** What the marker becomes in the rendered post: the target of a list's "Continue reading" link. */
export const MORE_ANCHOR = '<span id="more"></span>';

/** Replaces the marker with MORE_ANCHOR. */
export function markMore(body: string): string {
  return body.replace(MORE, MORE_ANCHOR);
}
