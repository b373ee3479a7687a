/**
 * Which bucket a key lives in. The Worker computes this for every request it cannot answer from
 * cache, so it is a small, fast hash (FNV-1a, 32 bits) of the key, the same in Node and workerd.
 *
 * Paths are hashed without a trailing slash or `.html`: `/about`, `/about/` and `/about.html` share
 * a bucket, so the one read that finds the path missing also finds the form it should redirect to.
 */

/** The key of a WordPress id (`/?p=`, `/?cat=`): see model/wordpress-ids.ts. */
export function idKey(wordpressIdKey: string): string {
  return `#id:${wordpressIdKey}`;
}

/** The key of a search shard or document chunk (see search/layout.ts). */
export function searchValueKey(indexKey: string): string {
  return `#search:${indexKey}`;
}

export function bucketOf(key: string, buckets: number): number {
  return buckets <= 1 ? 0 : fnv1a(hashForm(key)) % buckets;
}

function hashForm(key: string): string {
  if (!key.startsWith("/")) return key;
  return key.replace(/(?:\.html|\/)$/, "");
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
