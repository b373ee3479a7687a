/**
 * Answering a search from index shards: every query word must match (a whole indexed word, or the
 * start of one for words of two letters or more); documents rank by the sum of their best weight for
 * each word, newer first on ties. Pure: the route fetches the shards this asks for.
 */
import type { SearchShard } from "../model/page-models.ts";
import { shardOf, words } from "./tokenize.ts";

/** Words beyond this are ignored: a query is a few words, not a paragraph. */
const MAX_WORDS = 8;
/** A word that only starts an indexed word counts for less than a whole match. */
const PREFIX_FACTOR = 0.5;

export interface Hit {
  doc: number;
  score: number;
}

/** The distinct folded words of a query. */
export function queryWords(query: string): string[] {
  return [...new Set(words(query))].slice(0, MAX_WORDS);
}

/** The shard keys the query's words live in. */
export function shardsFor(queryWords: readonly string[]): string[] {
  return [...new Set(queryWords.map(shardOf))];
}

export function rank(queryWords: readonly string[], shards: ReadonlyMap<string, SearchShard>): Hit[] {
  if (queryWords.length === 0) return [];
  let scores: Map<number, number> | null = null;
  for (const word of queryWords) {
    const best = new Map<number, number>();
    const terms = shards.get(shardOf(word))?.terms ?? {};
    for (const [term, postings] of Object.entries(terms)) {
      const factor = term === word ? 1 : [...word].length >= 2 && term.startsWith(word) ? PREFIX_FACTOR : 0;
      if (factor === 0) continue;
      for (const [doc, weight] of postings) best.set(doc, Math.max(best.get(doc) ?? 0, weight * factor));
    }
    const previous: Map<number, number> | null = scores;
    const next = new Map<number, number>();
    for (const [doc, score] of best) {
      if (previous === null) next.set(doc, score);
      else if (previous.has(doc)) next.set(doc, (previous.get(doc) ?? 0) + score);
    }
    scores = next;
    if (scores.size === 0) break;
  }
  return [...(scores ?? [])].map(([doc, score]) => ({ doc, score })).sort((a, b) => b.score - a.score || b.doc - a.doc);
}

/** Whether a folded word of the text is one the query asked for. */
export function matches(word: string, queryWords: readonly string[]): boolean {
  return queryWords.some((q) => word === q || ([...q].length >= 2 && word.startsWith(q)));
}
