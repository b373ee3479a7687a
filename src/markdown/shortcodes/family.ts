/** What each shortcode family provides: the names it answers to and how it renders. */
import type { RenderData } from "../render-data.ts";
import type { Closing, Shortcode } from "./parse.ts";

export interface RenderContext {
  /**
   * True where the output may be a block (a figure, a `<pre>`); false inside a paragraph, where only
   * phrasing content keeps the HTML valid.
   */
  block: boolean;
  /** Renders text from inside a shortcode the way its surroundings are read: Markdown, or raw HTML in an HTML block. */
  inline(text: string): string;
  /** What this post's rendering knows of the site (attachments for galleries). */
  data: RenderData;
}

export interface ShortcodeFamily {
  names: Readonly<Record<string, Closing>>;
  /** HTML for the shortcode, or null to leave its text as written. */
  render(shortcode: Shortcode, ctx: RenderContext): string | null;
}
