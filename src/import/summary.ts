/** What an import did, counted as it goes and printed at the end: every kind of item, and what could not be done. */
import { addTally, type CommentTally, emptyTally } from "./comments.ts";
import type { ItemResult, ItemState } from "./convert-item.ts";
import type { WxrItem } from "./wxr-types.ts";

const STATES: readonly ItemState[] = ["published", "scheduled", "draft", "pending", "private", "trash", "password-protected"];

export class ImportSummary {
  readonly posts = new Map<ItemState, number>();
  readonly pages = new Map<ItemState, number>();
  readonly comments: CommentTally = emptyTally();
  attachments = 0;
  menuItems = 0;
  readonly leftOut = new Map<string, number>();
  readonly failed: Array<{ title: string; id: string; line: number; reason: string }> = [];
  readonly missing = new Set<string>();
  readonly dynamic = new Map<string, number>();

  constructor(private readonly uploadsGiven: boolean) {}

  add(item: WxrItem, result: ItemResult): void {
    switch (result.kind) {
      case "written": {
        const counts = result.layout === "post" ? this.posts : this.pages;
        counts.set(result.state, (counts.get(result.state) ?? 0) + 1);
        addTally(this.comments, result.comments);
        for (const link of result.missing) this.missing.add(link);
        for (const name of result.dynamic) this.dynamic.set(name, (this.dynamic.get(name) ?? 0) + 1);
        break;
      }
      case "collected":
        if (result.what === "attachment") this.attachments++;
        else this.menuItems++;
        break;
      case "left out":
        this.leftOut.set(result.reason, (this.leftOut.get(result.reason) ?? 0) + 1);
        break;
      case "failed":
        this.failed.push({ title: item.title || "(no title)", id: item.id, line: item.line, reason: result.reason });
        break;
    }
  }

  /** The report, one line each; `file` names the export in the lines about single items. */
  lines(file: string): string[] {
    const out = [kinds("Posts", this.posts), kinds("Pages", this.pages)];
    out.push(`Attachments: ${this.attachments}; menu items: ${this.menuItems}`);
    const c = this.comments;
    out.push(
      `Comments: ${c.shown} shown, ${c.pings} pingbacks and trackbacks listed apart; not shown: ${c.pending} awaiting moderation, ${c.spam} spam, ${c.trash} in the trash`,
    );
    for (const [reason, count] of this.leftOut) out.push(`Left out: ${count} × ${reason}`);
    if (this.dynamic.size > 0) {
      const list = [...this.dynamic].map(([name, count]) => `${name} ×${count}`).join(", ");
      out.push(`Note: blocks WordPress's PHP draws when a page is shown have no HTML in the export and are left out: ${list}`);
    }
    if (this.failed.length > 0) {
      out.push(`Not converted (${this.failed.length}), the rest was imported:`);
      for (const f of this.failed) out.push(`  ${file}:${f.line}: "${f.title}" (id ${f.id}): ${f.reason}`);
    }
    if (this.missing.size > 0 && !this.uploadsGiven) {
      out.push(
        `Links to the old site's uploads: ${this.missing.size} (give --uploads DIR, a copy of wp-content/uploads, to publish the files)`,
      );
    } else if (this.missing.size > 0) {
      out.push(`Links to uploads not found in --uploads (${this.missing.size}), left pointing at the old site:`);
      for (const link of [...this.missing].slice(0, 50)) out.push(`  ${link}`);
      if (this.missing.size > 50) out.push(`  … and ${this.missing.size - 50} more`);
    }
    return out;
  }
}

function kinds(label: string, counts: ReadonlyMap<ItemState, number>): string {
  const parts = STATES.filter((s) => (counts.get(s) ?? 0) > 0).map((s) => `${counts.get(s)} ${s}`);
  const served = (counts.get("published") ?? 0) + (counts.get("scheduled") ?? 0);
  return `${label}: ${parts.length > 0 ? parts.join(", ") : "none"} (${served} will be served; the others are under _drafts/)`;
}
