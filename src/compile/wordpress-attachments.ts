/**
 * Uploaded files as WordPress addressed them: `/?attachment_id=N` and each attachment's own page
 * (`/2010/09/10/a-post/photo/`) lead to the file itself, when the site serves it.
 */
import type { MediaFile } from "../content/content-files.ts";
import { normalizePermalink } from "../content/permalink.ts";
import type { AttachmentInfo } from "../content/site-data/site-data.ts";
import { wordpressIdKey } from "../model/wordpress-ids.ts";
import { mediaPath } from "./conflicts.ts";

export function attachmentIds(
  attachments: ReadonlyMap<string, AttachmentInfo>,
  media: readonly MediaFile[],
): { ids: Array<[string, string]>; pages: Array<[string, string]> } {
  const served = new Set(media.map(mediaPath));
  const ids: Array<[string, string]> = [];
  const pages: Array<[string, string]> = [];
  for (const a of attachments.values()) {
    const file = normalizePermalink(a.file);
    if (!a.file.startsWith("/") || !("ok" in file) || !served.has(file.ok)) continue;
    ids.push([wordpressIdKey("attachment", a.id), file.ok]);
    const page = a.page === null ? null : normalizePermalink(a.page);
    if (page !== null && "ok" in page) pages.push([page.ok, file.ok]);
  }
  return { ids, pages };
}
