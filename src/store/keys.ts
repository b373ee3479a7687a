/**
 * The KV key layout, in one place. Every key carries the layout version, so a future layout can be
 * published beside this one and switched to with the pointer, never mixed with it.
 *
 *   v2:current          the live release (a Release, JSON, a few KiB): the one key a publish switches
 *   v2:releases         the kept releases, oldest first, whole (see history.ts): what rollback returns to
 *   v2:value:<hash>     a bucket of keys and their page models (see bucket-format.ts), content-addressed
 *                       and immutable
 *   v2:preview:<id>     a draft shared before it is public (see previews.ts): its page, the site's
 *                       settings, when its link expires; no release names it
 *   v2:preview-secret   the key preview links are signed with, made by the first preview
 *
 * Keys never contain a permalink, so they stay far below KV's 512-byte key limit whatever the
 * length or script of the site's addresses.
 */
export const LAYOUT_VERSION = "v2";

/** Every key the site owns starts with this: what a backup holds and a restore writes. */
export const LAYOUT_PREFIX = `${LAYOUT_VERSION}:`;
export const CURRENT_KEY = `${LAYOUT_VERSION}:current`;
export const HISTORY_KEY = `${LAYOUT_VERSION}:releases`;
export const VALUE_PREFIX = `${LAYOUT_VERSION}:value:`;

/** Shared drafts: outside every release, never backed up (keyKind calls them unknown), deleted on revoke. */
export const PREVIEW_PREFIX = `${LAYOUT_VERSION}:preview:`;
export const PREVIEW_SECRET_KEY = `${LAYOUT_VERSION}:preview-secret`;

export function previewKey(id: string): string {
  return PREVIEW_PREFIX + id;
}

/** Keys of the layout before this one: a publish deletes them once this layout is live. */
export const OLD_LAYOUT_PREFIXES = ["v1:"] as const;

export function valueKey(hash: string): string {
  return VALUE_PREFIX + hash;
}

/** What kind of key this is, for restore's write order (values, history, pointer last). */
export function keyKind(key: string): "value" | "history" | "current" | "unknown" {
  if (key.startsWith(VALUE_PREFIX)) return "value";
  if (key === HISTORY_KEY) return "history";
  if (key === CURRENT_KEY) return "current";
  return "unknown";
}
