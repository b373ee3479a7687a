/**
 * Shared drafts in KV. A preview is one value beside the releases, never in one: publishing, rollback
 * and the live site's pages, lists, feeds, sitemap and search never see it. Creating one costs one
 * write (two the first time: the signing secret); revoking costs one delete; the Worker reads the
 * secret and the record (two reads) only for an address under /_preview/.
 */
import { isPreviewId, newPreviewId, newPreviewSecret, type PreviewRecord, previewPath } from "../model/preview.ts";
import { PREVIEW_PREFIX, PREVIEW_SECRET_KEY, previewKey } from "./keys.ts";
import type { KvEntry, KvPort } from "./kv-port.ts";
import { bounded, type KvTextReader } from "./read.ts";

export interface SharedPreview {
  record: PreviewRecord;
  /** The link's path: `/_preview/<id>.<signature>`. */
  path: string;
  /** KV writes it cost. */
  writes: number;
  /** Expired previews deleted on the way. */
  deleted: number;
}

/** Stores a draft's page under a fresh id, signs its link, and deletes previews that have expired. */
export async function sharePreview(
  port: KvPort,
  draft: Omit<PreviewRecord, "id" | "created" | "expires">,
  now: number,
  lifetimeMs: number,
): Promise<SharedPreview> {
  const writes: KvEntry[] = [];
  let secret = await port.get(PREVIEW_SECRET_KEY);
  if (secret === null) {
    secret = newPreviewSecret();
    writes.push({ key: PREVIEW_SECRET_KEY, value: secret });
  }
  const record: PreviewRecord = { id: newPreviewId(), created: now, expires: now + lifetimeMs, ...draft };
  writes.push({ key: previewKey(record.id), value: JSON.stringify(record) });
  await port.putMany(writes);
  const expired = (await listPreviews(port)).filter((p) => p.expires <= now).map((p) => previewKey(p.id));
  await port.deleteMany(expired);
  return { record, path: await previewPath(secret, record.id), writes: writes.length, deleted: expired.length };
}

/** Every stored preview, oldest first (records that do not parse are left out). */
export async function listPreviews(port: KvPort): Promise<PreviewRecord[]> {
  const keys = (await port.list(PREVIEW_PREFIX)).filter((k) => isPreviewId(k.slice(PREVIEW_PREFIX.length)));
  const records = await Promise.all(keys.map(async (key) => parseRecord(await port.get(key))));
  return records.filter((r): r is PreviewRecord => r !== null).sort((a, b) => a.created - b.created);
}

/** The link of a stored preview again (for `--list`), or null when no secret exists. */
export async function previewLink(port: KvPort, id: string): Promise<string | null> {
  const secret = await port.get(PREVIEW_SECRET_KEY);
  return secret === null ? null : previewPath(secret, id);
}

/** Deletes one preview; false when there was none of that id. */
export async function revokePreview(port: KvPort, id: string): Promise<boolean> {
  if (!isPreviewId(id) || (await port.get(previewKey(id))) === null) return false;
  await port.deleteMany([previewKey(id)]);
  return true;
}

/** The Worker's side: the signing secret, or null before the first preview. */
export function readPreviewSecret(kv: KvTextReader, timeoutMs: number): Promise<string | null> {
  return bounded(PREVIEW_SECRET_KEY, timeoutMs, () => kv.get(PREVIEW_SECRET_KEY, "text"));
}

/** The Worker's side: a preview's record, or null when revoked (or never made). */
export async function readPreview(kv: KvTextReader, id: string, timeoutMs: number): Promise<PreviewRecord | null> {
  const key = previewKey(id);
  return parseRecord(await bounded(key, timeoutMs, () => kv.get(key, "text")));
}

function parseRecord(text: string | null): PreviewRecord | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<PreviewRecord> | null;
    if (value === null || typeof value.id !== "string" || typeof value.expires !== "number" || value.model?.kind !== "post") return null;
    return value as PreviewRecord;
  } catch {
    return null;
  }
}
