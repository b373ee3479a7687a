/**
 * How the search index is cut into values, shared by the publisher that writes it and the Worker that
 * reads it: shards of words keyed by their first letters (see tokenize.ts), and the documents results
 * show, in numbered chunks.
 */

/** Documents per chunk: a page of results reads at most a few. */
export const DOCS_PER_CHUNK = 64;

/** Index key of the chunk holding documents `chunk * DOCS_PER_CHUNK` onwards. */
export function docsKey(chunk: number): string {
  return `#${chunk}`;
}

export function chunkOf(doc: number): number {
  return Math.floor(doc / DOCS_PER_CHUNK);
}
