/**
 * Block-editor content: WordPress stores each block as its HTML between `<!-- wp:name {attrs} -->` and
 * `<!-- /wp:name -->` comments (or a self-closing `<!-- wp:name /-->` for blocks PHP draws at view
 * time). The HTML between the comments is what readers saw; WordPress never runs wpautop on it.
 */

/** A block delimiter comment, as WordPress's block parser reads them (wp-includes/class-wp-block-parser.php). */
const DELIMITER = /<!--\s+(\/)?wp:([a-z][a-z0-9_-]*(?:\/[a-z][a-z0-9_-]*)?)\s+(?:(\{[\s\S]*?\})\s+)?(\/)?-->/g;

/** True when the content was written with the block editor (WordPress's has_blocks()). */
export function hasBlocks(content: string): boolean {
  return content.includes("<!-- wp:");
}

export interface StrippedBlocks {
  html: string;
  /** Names of self-closing (server-drawn) blocks that had no HTML of their own, e.g. `latest-posts`. */
  dynamic: string[];
}

/** The content without its block comments; blank lines the comments leave behind collapse to one. */
export function stripBlockComments(content: string): StrippedBlocks {
  const dynamic: string[] = [];
  const html = content
    .replace(
      DELIMITER,
      (_whole, _closing: string | undefined, name: string, _attrs: string | undefined, selfClosing: string | undefined) => {
        if (selfClosing) dynamic.push(name.replace(/^core\//, ""));
        return "";
      },
    )
    .replace(/^[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { html, dynamic };
}
