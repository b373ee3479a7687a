/**
 * Which item is which when an export leaves ids out. Exports made for theme previews carry no
 * `wp:post_id`; their links and guids are WordPress's query addresses (`https://…/?p=19`), which name the
 * id the site served the item under, so that id is kept (and `/?p=19` keeps answering). An item with no
 * id anywhere is told apart by the line it starts on.
 */
import type { WxrItem } from "./wxr-types.ts";

const QUERY_ID = /[?&](?:p|page_id|attachment_id)=(\d{1,15})(?:[&#]|$)/;

/** The item with its id: `wp:post_id`, else the number of a `?p=`/`?page_id=` link, else of its guid; "" when none says. */
export function withWordPressId(item: WxrItem): WxrItem {
  if (item.id !== "") return item;
  const id = QUERY_ID.exec(item.link)?.[1] ?? QUERY_ID.exec(item.guid)?.[1] ?? "";
  return id === "" ? item : { ...item, id };
}

/** The key an item is indexed under: its id, or its line when it has none (two such items are never one). */
export function itemKey(item: WxrItem): string {
  return item.id !== "" ? item.id : `line ${item.line}`;
}
