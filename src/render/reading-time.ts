/** The reading time shown after a post's date, on its page and in lists (worked out at publish time: compile/reading-time.ts). */
/** " · 4 min read"; nothing for a model made before reading times existed. */
export function readingTime(minutes: number | undefined): string {
  return minutes === undefined ? "" : ` \u00b7 ${minutes} min read`;
}
