/**
 * What a watching process (`npm run dev`) keeps between two compiles of the same folder: each file's
 * parse and each post's rendered HTML, reused while their inputs are unchanged, so a save costs
 * the work of the files it touched. Results are the same as without it; only the time differs.
 */
import type { ContentFiles, MediaFile, SourceFile } from "../content/content-files.ts";
import type { ParseResult } from "../content/parse-post.ts";
import { imageSizeOf } from "./images/image-sizes.ts";
import { KeptRenderer } from "./theme-check.ts";
import type { Prepared } from "./types.ts";

/** What only a local preview (`npm run dev`) asks of a compile; a publish for readers asks none of it. */
export interface LocalPreview {
  /** Kept between compiles of the watched folder. */
  memo?: CompileMemo;
  /** Show drafts (`_drafts/`, `draft: true`, `published: false`), labelled. */
  drafts?: boolean;
  /** Show posts dated after the publish time now, labelled with their date. */
  future?: boolean;
}

export class CompileMemo {
  readonly #parsed = new Map<string, { text: string; inPosts: boolean; context: string; result: ParseResult }>();
  readonly #prepared = new Map<string, { key: string; prepared: Prepared }>();
  readonly #sizes = new WeakMap<Uint8Array, { size: ReturnType<typeof imageSizeOf> }>();
  /** The Liquid engine the theme is checked with (theme-check.ts). */
  readonly themeCheck = new KeptRenderer();
  /** Files parsed and posts rendered by the last compile (the rest came from memory). */
  parsedLast = 0;
  preparedLast = 0;

  /** A file's parse under `context` (the site's settings and rules as text), from memory when its text is unchanged. */
  parse(file: SourceFile, context: string, run: () => ParseResult): ParseResult {
    const held = this.#parsed.get(file.path);
    let result = held?.text === file.text && held.inPosts === file.inPosts && held.context === context ? held.result : null;
    if (result === null) {
      result = run();
      this.parsedLast++;
      this.#parsed.set(file.path, { text: file.text, inPosts: file.inPosts, context, result });
    }
    // Jekyll's Liquid pass rewrites a post's body in place: the caller gets its own copy.
    return "post" in result ? { ...result, post: { ...result.post } } : result;
  }

  /** A post's rendering, from memory when the post and everything around it that rendering reads are unchanged. */
  prepare(key: string, source: string, run: () => Prepared): Prepared {
    const held = this.#prepared.get(source);
    if (held?.key === key) return held.prepared;
    const prepared = run();
    this.preparedLast++;
    this.#prepared.set(source, { key, prepared });
    return prepared;
  }

  /**
   * What every post's rendering reads besides the post itself: the settings, the site data (gallery
   * attachments) and of the media, which paths exist and each picture's size (images/image-sizes.ts).
   * A change to any of them renders every post again; a saved stylesheet or script changes none.
   */
  renderContext(content: ContentFiles, media: readonly MediaFile[]): string {
    return JSON.stringify([
      content.config?.text ?? null,
      (content.data ?? []).map((d) => [d.path, d.text]),
      media.map((m) => [m.path, this.#size(m.bytes)]),
    ]);
  }

  /** A file's size as a picture, read once per file read (an unchanged file keeps its bytes object between saves). */
  #size(bytes: Uint8Array): ReturnType<typeof imageSizeOf> {
    let held = this.#sizes.get(bytes);
    if (held === undefined) {
      held = { size: imageSizeOf(bytes) };
      this.#sizes.set(bytes, held);
    }
    return held.size;
  }

  /** Starts a compile: counts from zero, and forgets files the folder no longer has. */
  begin(content: ContentFiles): void {
    this.parsedLast = 0;
    this.preparedLast = 0;
    const paths = new Set(content.files.map((f) => f.path));
    for (const path of this.#parsed.keys()) if (!paths.has(path)) this.#parsed.delete(path);
    for (const path of this.#prepared.keys()) if (!paths.has(path)) this.#prepared.delete(path);
  }
}
