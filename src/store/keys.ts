/**
 * The KV key layout, in one place. Every key carries the layout version, so a future layout can be
 * published beside this one and switched to with the pointer, never mixed with it.
 *
 *   v1:current          the live release (a Release, JSON): the one key a publish switches
 *   v1:release:<id>     every kept release, for rollback
 *   v1:blob:<sha256>    a page model (JSON), content-addressed and immutable
 */
export const LAYOUT_VERSION = "v1";

export const CURRENT_KEY = `${LAYOUT_VERSION}:current`;
export const RELEASE_PREFIX = `${LAYOUT_VERSION}:release:`;
export const BLOB_PREFIX = `${LAYOUT_VERSION}:blob:`;

export function releaseKey(id: string): string {
  return RELEASE_PREFIX + id;
}

export function blobKey(hash: string): string {
  return BLOB_PREFIX + hash;
}
