/** The stable identifier of a feed entry, shared by Atom and JSON Feed. */
import { absoluteUrl } from "../format/urls.ts";
import type { FeedItem } from "../model/page-models.ts";

// An IRI with a scheme (RFC 3987): WordPress guids look like `http://site/?p=278`.
const ABSOLUTE_IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;

/**
 * The id an old feed gave the entry, when this feed stands at that feed's address; else the export's
 * guid when it is an absolute IRI (so readers that saw the WordPress feed see no duplicates);
 * otherwise the entry's permalink URL. Atom requires an IRI (RFC 4287 §4.2.6).
 */
export function entryId(item: FeedItem, permalinkUrl: string, origin: string): string {
  if (item.id !== undefined) return absoluteUrl(origin, item.id);
  return item.guid && ABSOLUTE_IRI.test(item.guid) ? item.guid : permalinkUrl;
}
