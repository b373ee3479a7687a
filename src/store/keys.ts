/**
 * The KV key layout, in one place. Every key carries the layout version, so a future layout can be
 * published beside this one and switched to with the pointer, never mixed with it.
 *
 *   v1:current          the live release (a Release, JSON): the one key a publish switches
 *   v1:releases         the kept releases, oldest first (see history.ts): what rollback can go back to
 *   v1:release:<id>     every kept release, for rollback
 *   v1:blob:<sha256>    a page model (JSON), content-addressed and immutable
 *
 * Keys never contain a permalink, so they stay far below KV's 512-byte key limit whatever the
 * length or script of the site's addresses.
 */
export const LAYOUT_VERSION = "v1";

/** Every key the site owns starts with this: what a backup holds and a restore writes. */
export const LAYOUT_PREFIX = `${LAYOUT_VERSION}:`;
export const CURRENT_KEY = `${LAYOUT_VERSION}:current`;
export const HISTORY_KEY = `${LAYOUT_VERSION}:releases`;
export const RELEASE_PREFIX = `${LAYOUT_VERSION}:release:`;
export const BLOB_PREFIX = `${LAYOUT_VERSION}:blob:`;

export function releaseKey(id: string): string {
  return RELEASE_PREFIX + id;
}

export function blobKey(hash: string): string {
  return BLOB_PREFIX + hash;
}

/** What kind of key this is, for restore's write order (blobs, releases, history, pointer last). */
export function keyKind(key: string): "blob" | "release" | "history" | "current" | "unknown" {
  if (key.startsWith(BLOB_PREFIX)) return "blob";
  if (key.startsWith(RELEASE_PREFIX)) return "release";
  if (key === HISTORY_KEY) return "history";
  if (key === CURRENT_KEY) return "current";
  return "unknown";
}
