/**
 * Related posts: for each post, up to three others that share the most tags and categories (a tag
 * counts twice: tags name subjects, categories are broad shelves, and WordPress files everything
 * unsorted under "Uncategorized"), then the nearest in time, newer first on a tie. Chosen once per
 * publish, among the posts the snapshot serves (a scheduled post is no one's relation before its date).
 *
 * Cheap on large sites: candidates come from the term index (the posts of each tag and category,
 * by date), taking at most WINDOW posts either side of the post in each term's list, and each
 * candidate is then scored exactly. Terms with up to 2 × WINDOW posts are searched whole; in larger
 * ones, a post far in time can only be missed if it shares no smaller term with the post either.
 */
import type { Post } from "../content/post.ts";
import type { RelatedPost } from "../model/page-models.ts";

export const RELATED_COUNT = 3;
const WINDOW = 32;
const TAG_WEIGHT = 2;
const CATEGORY_WEIGHT = 1;

/** Related posts of each post, keyed by the post. `posts`: newest first. */
export function relatedPosts(posts: readonly Post[]): Map<Post, RelatedPost[]> {
  const terms = new Map(posts.map((p) => [p, termsOf(p)]));
  const times = new Map(posts.map((p) => [p, Date.parse(p.date)]));
  const index = new Map<string, Post[]>();
  for (const post of posts) for (const term of terms.get(post) ?? []) appendTo(index, term, post);
  const position = new Map<string, Map<Post, number>>();
  for (const [term, list] of index) if (list.length > 2 * WINDOW + 1) position.set(term, new Map(list.map((p, i) => [p, i])));

  const related = new Map<Post, RelatedPost[]>();
  for (const post of posts) {
    const own = terms.get(post) ?? new Set<string>();
    const candidates = new Set<Post>();
    for (const term of own) {
      const list = index.get(term) ?? [];
      const at = position.get(term)?.get(post);
      const window = at === undefined ? list : list.slice(Math.max(0, at - WINDOW), at + WINDOW + 1);
      for (const other of window) if (other !== post) candidates.add(other);
    }
    if (candidates.size === 0) continue;
    const time = times.get(post) ?? 0;
    const ranked = [...candidates]
      .map((other) => ({ other, score: score(own, terms.get(other)), distance: Math.abs((times.get(other) ?? 0) - time) }))
      .sort((a, b) => b.score - a.score || a.distance - b.distance || b.other.date.localeCompare(a.other.date))
      .slice(0, RELATED_COUNT);
    related.set(
      post,
      ranked.map(({ other }) => ({ title: other.title, path: other.permalink, date: other.date })),
    );
  }
  return related;
}

/** `tag:name` and `category:name`, lower case, so "News" and "news" are one subject. */
function termsOf(post: Post): Set<string> {
  return new Set([...post.tags.map((t) => `tag:${t.toLowerCase()}`), ...post.categories.map((c) => `category:${c.toLowerCase()}`)]);
}

function score(own: ReadonlySet<string>, theirs: ReadonlySet<string> = new Set()): number {
  let total = 0;
  for (const term of theirs) if (own.has(term)) total += term.startsWith("tag:") ? TAG_WEIGHT : CATEGORY_WEIGHT;
  return total;
}

function appendTo(index: Map<string, Post[]>, term: string, post: Post): void {
  const list = index.get(term);
  if (list) list.push(post);
  else index.set(term, [post]);
}
