/**
 * What the Liquid engine is given by its caller: the site's files as text (no file system, so the same
 * engine runs at publish time and inside the Worker), how to find posts and files by name, and the
 * settings Jekyll's URL and date filters read.
 */

export interface LiquidSite {
  /** `_includes/` files by their path under `_includes/` (`note.html`, `social/links.html`). */
  includes: ReadonlyMap<string, string>;
  /** Other text files by their path in the site (`docs/part.md`), for `include_relative`. */
  files: ReadonlyMap<string, string>;
  /** The address `{% post_url 2010-07-21-name %}` names, or null when no post has that name. */
  postUrl(name: string): string | null;
  /** The address `{% link path/to/file.md %}` names, or null when the site has no such file. */
  link(path: string): string | null;
  /** `url` and `baseurl` as relative_url and absolute_url read them. */
  url: string;
  baseurl: string;
  /** The site's clock (`timezone:`), an IANA name; dates are shown on it, as Jekyll shows them. */
  timezone: string;
  /**
   * What an include the site does not have becomes: text to put in its place (a theme gem's
   * `toc` replaced by the engine's own), or null to leave the tag as written with a warning.
   */
  missingInclude?(name: string): string | null;
  /** Markdown to HTML for `markdownify`: the caller's one configured renderer (the text as it is without one). */
  markdown?(text: string): string;
  /** Code to highlighted HTML (token spans, escaped) for `{% highlight %}`, or null to write it escaped and plain. */
  highlight?(code: string, lang: string): string | null;
  /**
   * Whether `{% highlight x linenos %}` writes Rouge's line-number table, as Jekyll does: in a page the
   * site's own theme draws, whose stylesheet lays the table out; the built-in theme's has no rules for it.
   */
  numberedHighlight?: boolean;
  /** The Jekyll plugins the site names (see plugins.ts): their tags exist only then, as in Jekyll. */
  plugins?: readonly string[];
}

/** A template to render: its text, where it came from (for messages) and the variables it sees. */
export interface LiquidInput {
  source: string;
  /** Path of the file in the site, for `FILE:line` messages and `include_relative`. */
  file: string;
  /** 1-based line of the file where `source` starts (after front matter). */
  line?: number;
  scope: Record<string, unknown>;
}

/** A problem or warning at a place in a file; `column` when the engine knows it. */
export interface LiquidProblem {
  file: string;
  line: number;
  column?: number;
  reason: string;
}

export type LiquidResult = { ok: string; warnings: LiquidProblem[] } | { problem: LiquidProblem; warnings: LiquidProblem[] };
