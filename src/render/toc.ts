/**
 * A post's table of contents: a navigation landmark named "Contents", a `<details>` the reader can
 * fold away (keyboard and screen readers operate it natively, no script), and nested lists of links
 * to the sections, which screen readers announce with their length and level.
 */

import { PAGE_IDS } from "../model/page-ids.ts";
import type { TocEntry } from "../model/page-models.ts";
import { type Html, html } from "./html.ts";

export function tableOfContents(entries: readonly TocEntry[] | undefined): Html | string {
  if (!entries || entries.length === 0) return "";
  return html`<nav id="${PAGE_IDS.toc}" class="toc" aria-label="Contents"><details open><summary>Contents</summary>${list(entries)}</details></nav>`;
}

function list(entries: readonly TocEntry[]): Html {
  return html`<ol>${entries.map((e) => html`<li><a href="#${e.id}">${e.text}</a>${e.children.length > 0 ? list(e.children) : ""}</li>`)}</ol>`;
}
