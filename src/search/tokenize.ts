/**
 * Words for the search index and for queries, split and folded the same way on both sides: lower case,
 * diacritics removed (so `jokull` finds `Eyjafjallajökull`), any script. Intl.Segmenter knows where
 * words end in scripts written without spaces (Chinese, Japanese, Thai); without it, runs of letters
 * and digits are words.
 */

const segmenter: Intl.Segmenter | null = typeof Intl.Segmenter === "function" ? new Intl.Segmenter("und", { granularity: "word" }) : null;

/** Folds one word: NFKD, combining marks dropped, lower case. A few letters have no decomposition. */
export function fold(word: string): string {
  return word
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[æ]/g, "ae")
    .replace(/[œ]/g, "oe")
    .replace(/[ø]/g, "o")
    .replace(/[đð]/g, "d")
    .replace(/[þ]/g, "th")
    .replace(/[ł]/g, "l")
    .replace(/[ı]/g, "i");
}

export interface Segment {
  text: string;
  /** The folded word, or null for spaces and punctuation. */
  word: string | null;
}

/** The text cut into words and what lies between them, in order, so a caller can rebuild it exactly. */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  if (segmenter) {
    for (const s of segmenter.segment(text)) {
      const word = s.isWordLike ? fold(s.segment) : null;
      out.push({ text: s.segment, word: word && /[\p{L}\p{N}]/u.test(word) ? word : null });
    }
    return out;
  }
  for (const m of text.matchAll(/([\p{L}\p{N}\p{M}]+)|([^\p{L}\p{N}\p{M}]+)/gu)) {
    out.push({ text: m[0], word: m[1] !== undefined ? fold(m[1]) : null });
  }
  return out;
}

/** The folded words of a text, in order, repeats kept. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const s of segments(text)) if (s.word !== null) out.push(s.word);
  return out;
}

/** Which shard holds a folded word: its first two characters (code points, so any script works). */
export function shardOf(word: string): string {
  return [...word].slice(0, 2).join("");
}
