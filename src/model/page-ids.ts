/**
 * Element ids the page templates use around a post's body. The publisher gives the body's headings
 * ids that avoid these, so a link to a section can never land on the page's own parts instead.
 */
export const PAGE_IDS = {
  main: "main",
  toc: "contents",
  related: "related-posts",
} as const;

export const RESERVED_IDS: ReadonlySet<string> = new Set(Object.values(PAGE_IDS));
