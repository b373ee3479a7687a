/**
 * The table of contents of a post: its section headings as a tree, down to the third level under
 * the title (h4). Deeper headings are details a reader finds within their section.
 */
import type { TocEntry } from "../../model/page-models.ts";
import { sectionHeadings } from "./heading-links.ts";

const DEEPEST = 4;

/** The headings a table of contents lists, in order, with their level. */
export function tocHeadings(html: string): Array<{ level: number; id: string; text: string }> {
  return sectionHeadings(html)
    .filter((h) => h.level >= 2 && h.level <= DEEPEST)
    .map(({ level, id, text }) => ({ level, id, text }));
}

/**
 * Nests headings by level. A heading that skips a level (an h4 straight under an h2) sits one level
 * down, not two, so the list never has an item without text.
 */
export function tocTree(headings: ReadonlyArray<{ level: number; id: string; text: string }>): TocEntry[] {
  const root: TocEntry[] = [];
  const stack: Array<{ level: number; children: TocEntry[] }> = [{ level: 0, children: root }];
  for (const { level, id, text } of headings) {
    while (stack.length > 1 && (stack.at(-1)?.level ?? 0) >= level) stack.pop();
    const entry: TocEntry = { id, text, children: [] };
    stack.at(-1)?.children.push(entry);
    stack.push({ level, children: entry.children });
  }
  return root;
}
