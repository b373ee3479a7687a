/**
 * Words for the search index and for queries, split and folded the same way on both sides: lower case,
 * diacritics removed (so `jokull` finds `Eyjafjallajökull`), any script. Intl.Segmenter knows where
 * words end in scripts written without spaces (Chinese, Japanese, Thai).
 */

const segmenter: Intl.Segmenter | null = typeof Intl.Segmenter === "function" ? new Intl.Segmenter("und", { granularity: "word" }) : null;

/** Scripts written without spaces between words: only runs of these need the (slower) dictionary segmenter. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const RUNS = /([\p{L}\p{N}\p{M}]+)|([^\p{L}\p{N}\p{M}]+)/gu;

/** Folds one word: NFKD, combining marks dropped, lower case. A few letters have no decomposition. */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  // Most words in most blogs are plain ASCII: nothing to decompose.
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  return lower
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/ß/g, "ss")
    .replace(/æ/g, "ae")
    .replace(/œ/g, "oe")
    .replace(/ø/g, "o")
    .replace(/[đð]/g, "d")
    .replace(/þ/g, "th")
    .replace(/ł/g, "l")
    .replace(/ı/g, "i");
}

export interface Segment {
  text: string;
  /** The folded word, or null for spaces and punctuation. */
  word: string | null;
}

/**
 * The text cut into words and what lies between them, in order, so a caller can rebuild it exactly.
 * Words are runs of letters, digits and marks; a run in a script without spaces is cut further by
 * Intl.Segmenter. Each run is cut on its own, so a word splits the same way in a post and in a query.
 */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  for (const m of text.matchAll(RUNS)) {
    const run = m[0];
    if (m[1] === undefined) out.push({ text: run, word: null });
    else if (segmenter === null || !UNSPACED.test(run)) out.push({ text: run, word: fold(run) });
    else for (const s of segmenter.segment(run)) out.push({ text: s.segment, word: s.isWordLike ? fold(s.segment) : null });
  }
  return out;
}

/** The folded words of a text, in order, repeats kept. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const s of segments(text)) if (s.word !== null) out.push(s.word);
  return out;
}

/**
 * Which shard holds a folded word: its first two characters (code points, so any script works), or
 * one for ideographic and other unspaced scripts, whose thousands of characters would otherwise make
 * as many tiny shards and a long shard table in the release.
 */
export function shardOf(word: string): string {
  const [first = "", second = ""] = [...word];
  return UNSPACED.test(first) ? first : first + second;
}
