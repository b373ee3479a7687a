/** A content folder as the publisher reads it from disk (or a test assembles it): the compiler's input. */
import type { Problem } from "./problem.ts";

export interface SourceFile {
  /** Path relative to the content folder, with `/` separators. */
  path: string;
  text: string;
  /** True for files under `_posts/`, which are posts whatever their layout key says is missing. */
  inPosts: boolean;
  /** A file of `_drafts/`, read only for local preview (`--drafts`): Jekyll dates it by its modification time. */
  draft?: { mtimeMs: number };
}

/** An image or other file served as it is, by path relative to the content folder. */
export interface MediaFile {
  path: string;
  bytes: Uint8Array;
}

export interface ContentFiles {
  files: SourceFile[];
  /** `_config.yml` (or `_config.yaml`), when the folder has one. */
  config: { path: string; text: string } | null;
  media: MediaFile[];
  /** YAML files under `_data/` (site-wide data such as the menu), paths relative to the content folder. */
  data?: Array<{ path: string; text: string }>;
  /** `_layouts/` files (a theme's page frames), paths relative to `_layouts/`. */
  layouts?: Array<{ path: string; text: string }>;
  /** Text files under `_includes/` (what Liquid's `{% include %}` reads), paths relative to `_includes/`. */
  includes?: Array<{ path: string; text: string }>;
  /** Files deliberately left out (drafts), with why. */
  skipped: Array<{ path: string; reason: string }>;
  /** Problems found while reading (not UTF-8, too large). */
  problems: Problem[];
}
