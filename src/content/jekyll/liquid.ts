/**
 * Which pages are whole Liquid templates rather than pages with some Liquid in them. Liquid in posts
 * and pages runs at publish time (src/theme/liquid/, compile/post-liquid.ts); a page is left to the
 * template handling (templates.ts) when it needs what only Jekyll with the site's theme and plugins
 * gave it: the paginator, a loop over the site's posts, pages, tags or categories (a list page), an
 * include the site does not have (a theme gem's, except `toc`, which the engine's own table of
 * contents replaces), or a tag no Jekyll without plugins knows.
 */

/** Tags of Liquid 4 and Jekyll 4.3 that the engine runs. */
const KNOWN_TAGS = new Set(
  "assign capture endcapture case when else endcase comment endcomment cycle decrement for endfor break continue if elsif endif increment raw endraw tablerow endtablerow unless endunless include include_relative post_url link highlight endhighlight".split(
    " ",
  ),
);
const TAG = /\{%-?\s*([A-Za-z_]\w*)\s*([\s\S]*?)-?%\}/g;
const SITE_LOOP =
  /\{%-?\s*for\s+\w+\s+in\s+(?:site\.(?:posts|pages|html_pages|tags|categories|collections|documents|static_files)|paginator\.)/;

/**
 * Includes the engine answers itself when the site has no such file (minimal-mistakes' gem has them):
 * `toc` becomes the engine's table of contents, `base_path` only set a variable for the theme's
 * later tags and leaves nothing.
 */
export const ANSWERED_INCLUDES: ReadonlyMap<string, "toc" | "nothing"> = new Map([
  ["toc", "toc"],
  ["toc.html", "toc"],
  ["base_path", "nothing"],
  ["base_path.html", "nothing"],
]);

/**
 * Whether a page's text needs the theme or plugins Jekyll ran it with; `hasInclude` says which
 * `_includes/` files the site has. `loopsRun`: a loop over the site's posts, pages, tags or
 * categories is run here (the page is drawn by the site's own layout); the paginator never is.
 */
export function needsJekyll(source: string, hasInclude: (name: string) => boolean = () => false, loopsRun = false): boolean {
  if (/\bpaginator\./.test(source) || (!loopsRun && SITE_LOOP.test(source))) return true;
  const body = source.replace(/\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}/g, "");
  for (const [, name = "", args = ""] of body.matchAll(TAG)) {
    if (!KNOWN_TAGS.has(name)) return true;
    const file = args.trim().split(/\s+/)[0] ?? "";
    if (name === "include" && !file.includes("{{") && !ANSWERED_INCLUDES.has(file) && !hasInclude(file)) return true;
  }
  return false;
}
