/**
 * Served pages saved for the Nu HTML Checker, which tells errors in the engine's own markup from
 * errors inside the authors' post bodies: authors' HTML is published as they wrote it (browsers repair
 * it the same way everywhere), so its errors are listed, while errors in the engine's markup fail.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nuHtmlErrors } from "./checkers.ts";
import { MissingTool } from "./missing-tool.ts";

export interface HtmlVerdict {
  pages: number;
  /** Errors in the engine's markup (layout, menus, comments, feeds' links). */
  ours: string[];
  /** Errors inside post bodies, as their authors wrote them. */
  authors: string[];
}

export class SavedPages {
  private readonly dir = mkdtempSync(join(tmpdir(), "edgepress-html-"));
  private readonly files: string[] = [];
  /** Per saved page, the lines holding the post body, 1-based and inclusive. */
  private readonly authorLines = new Map<string, [number, number]>();

  /**
   * `themed`: the site draws its pages with its own theme, so every line of a page is its author's
   * markup as the theme wrote it (the engine's own archive lists are checked on sites without one).
   */
  constructor(private readonly themed = false) {}

  get count(): number {
    return this.files.length;
  }

  save(name: string, body: string): void {
    const file = join(this.dir, `${name.replace(/[^a-z0-9]+/gi, "_").slice(0, 80)}_${this.files.length}.html`);
    writeFileSync(file, body);
    this.files.push(file);
    const lines = body.split("\n");
    if (this.themed) {
      this.authorLines.set(file, [1, lines.length]);
      return;
    }
    const start = lines.findIndex((l) => l.includes('<div class="content">'));
    const end = lines.findIndex((l, i) => i > start && l.includes("</article>"));
    if (start >= 0 && end > start) this.authorLines.set(file, [start + 2, end]);
  }

  /** Runs the Nu HTML Checker over every saved page (MissingTool when it is not installed). */
  check(): HtmlVerdict {
    const ours: string[] = [];
    const authors: string[] = [];
    for (const e of nuHtmlErrors(this.files)) {
      const m = /^"file:([^"]+)":(\d+)\./.exec(e);
      const range = m?.[1] ? this.authorLines.get(m[1]) : undefined;
      const line = Number(m?.[2]);
      if (range && line >= range[0] && line <= range[1]) authors.push(e);
      else ours.push(e);
    }
    return { pages: this.files.length, ours, authors };
  }

  /**
   * Checks the saved pages and prints the verdict: each error in the engine's markup is handed to
   * `fail` (and authors' errors too when `strict`). Without the checker the check is skipped with a
   * warning, except in CI, where a missing checker must fail.
   */
  report(fail: (message: string) => void, strict = false): void {
    try {
      const { ours, authors } = this.check();
      for (const e of strict ? [...ours, ...authors] : ours) fail(`HTML: ${e}`);
      console.log(
        `HTML: ${this.count} pages checked (Nu HTML Checker): ${ours.length} errors in the engine's markup, ${authors.length} inside ${this.themed ? "the site's own theme and posts" : "authors' post HTML"}`,
      );
      if (process.env.VERBOSE) for (const e of authors) console.log(`  author HTML: ${e}`);
    } catch (error) {
      if (!(error instanceof MissingTool) || process.env.CI) throw error;
      console.warn(`HTML: skipped, ${error.message}`);
    }
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
