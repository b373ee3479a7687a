/** A search result's excerpt: the text around the first word found, each found word in `<mark>`, every piece escaped. */
import { escapeHtml } from "../theme/escape-html.ts";
import { matches } from "./query.ts";
import { segments } from "./tokenize.ts";

/** Words of context shown around the first match. */
const WINDOW = 40;

export function highlightHtml(text: string, words: readonly string[]): string {
  const parts = segments(text);
  const first = parts.findIndex((s) => s.word !== null && matches(s.word, words));
  const start = first <= WINDOW / 4 ? 0 : first - WINDOW / 4;
  const out: string[] = [];
  let seen = 0;
  let end = start;
  for (; end < parts.length && seen < WINDOW; end++) {
    const s = parts[end];
    if (s === undefined) break;
    if (s.word !== null) seen++;
    out.push(s.word !== null && matches(s.word, words) ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text));
  }
  if (start > 0) out.unshift("\u2026 ");
  if (end < parts.length) out.push(" \u2026");
  return out.join("");
}
