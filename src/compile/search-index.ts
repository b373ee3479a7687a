/**
 * The search index, built at publish time so a search never reads every post: each word → the
 * documents that contain it with a weight (title counts most, then categories and tags, then the body),
 * sharded by the word's first two letters. A search reads the shard of each query word, then the
 * chunks holding the documents it shows.
 */
import type { SearchDoc, SearchDocs, SearchShard } from "../model/page-models.ts";
import { DOCS_PER_CHUNK, docsKey } from "../search/layout.ts";
import { shardOf, words } from "../search/tokenize.ts";
import type { Excerpt } from "./excerpt.ts";
import type { Prepared } from "./types.ts";

/** Characters of plain text kept per document for the highlighted excerpt. */
const TEXT_CHARS = 1000;
/** Best documents kept per word: enough to rank, bounded so a common word's shard stays small. */
const MAX_POSTINGS = 500;
const WEIGHT = { title: 10, term: 5, body: 1, bodyMax: 5 };

/** Index of posts and pages; documents are numbered oldest first so a new post leaves older chunks unchanged. */
export function searchIndex(entries: readonly Prepared[]): Map<string, SearchShard | SearchDocs> {
  const ordered = [...entries].sort((a, b) => a.post.date.localeCompare(b.post.date) || a.post.permalink.localeCompare(b.post.permalink));
  const postings = new Map<string, Map<number, number>>();
  const docs: SearchDoc[] = [];
  ordered.forEach(({ post, excerpt }, n) => {
    const weights = new Map<string, number>();
    const bump = (word: string, by: number, max = Number.POSITIVE_INFINITY) =>
      weights.set(word, Math.min((weights.get(word) ?? 0) + by, max));
    for (const w of new Set(words(post.title))) bump(w, WEIGHT.title);
    for (const w of new Set(words([...post.categories, ...post.tags].join(" ")))) bump(w, WEIGHT.term);
    for (const [w, count] of bodyCounts(excerpt)) weights.set(w, (weights.get(w) ?? 0) + Math.min(count, WEIGHT.bodyMax));
    for (const [w, weight] of weights) {
      const list = postings.get(w) ?? new Map<number, number>();
      list.set(n, weight);
      postings.set(w, list);
    }
    docs.push({ title: post.title, permalink: post.permalink, date: post.date, text: clip(excerpt.text, TEXT_CHARS) });
  });

  const out = new Map<string, SearchShard | SearchDocs>();
  for (const word of [...postings.keys()].sort()) {
    const key = shardOf(word);
    const shard = (out.get(key) as SearchShard | undefined) ?? { kind: "search-shard", terms: {} };
    out.set(key, shard);
    const list = [...(postings.get(word) ?? [])].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, MAX_POSTINGS);
    shard.terms[word] = list;
  }
  for (let first = 0; first < docs.length; first += DOCS_PER_CHUNK) {
    out.set(docsKey(first / DOCS_PER_CHUNK), { kind: "search-docs", first, docs: docs.slice(first, first + DOCS_PER_CHUNK) });
  }
  return out;
}

/**
 * Each word of a post's text with its weight before the cap. Cutting the text into words is most of
 * the index's time; a watching process (`npm run dev`) hands the same excerpt object back for a post
 * it did not render again, so its words are counted once, not on every save.
 */
const counted = new WeakMap<Excerpt, { text: string; counts: Map<string, number> }>();

function bodyCounts(excerpt: Excerpt): Map<string, number> {
  const held = counted.get(excerpt);
  if (held?.text === excerpt.text) return held.counts;
  const counts = new Map<string, number>();
  for (const w of words(excerpt.text)) counts.set(w, (counts.get(w) ?? 0) + WEIGHT.body);
  counted.set(excerpt, { text: excerpt.text, counts });
  return counts;
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return space > max / 2 ? cut.slice(0, space) : cut;
}
