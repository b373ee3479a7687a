/**
 * A site's own theme as the Worker draws pages with it: its layouts and includes as Liquid text, the
 * site's home page template, and Jekyll's `site` variables as data. Stored as one value of the
 * release until a release split it in two (store/theme-values.ts): the templates under a key named by
 * their content, and `site` with the lookups, so saving a post leaves the parsed templates standing.
 */

/** A Liquid template with the front matter it opened with. */
export interface ThemeTemplate {
  /** Path in the site, for `FILE:line` messages. */
  file: string;
  /** 1-based line where `source` starts in the file (after its front matter). */
  line: number;
  source: string;
  /** The layout this one sits in (`layout:` in its front matter), or null at the top of the chain. */
  layout: string | null;
  /** Its front matter: `layout.*` in Liquid. */
  data: Record<string, unknown>;
  /** One of the built-in theme's layouts (theme/built-in/), not the site's own. */
  builtIn?: true;
}

export interface ThemeModel {
  kind: "theme";
  /** `_layouts/NAME.html` by NAME. */
  layouts: Record<string, ThemeTemplate>;
  /** `_includes/` files by their path under it. */
  includes: Record<string, string>;
  /** The site's own scripts that run eval, by path: a page loading one allows 'unsafe-eval' (compile/theme-templates.ts). */
  evalScripts?: string[];
  /** What the layouts look up that only the publish knows (compile/theme-lookups.ts). */
  lookups?: ThemeLookups;
  /** The site's home page (`index.html`), drawn for every page of the post list with `paginator`. */
  home: ThemeTemplate | null;
  /**
   * Jekyll's `site` as JSON: every `_config.yml` key, title, description, posts (newest first),
   * pages, categories and tags (names of posts' URLs, see theme-site.ts), data. `site.url` is left to
   * the Worker: it is the address the page is served from.
   */
  site: Record<string, unknown>;
  /**
   * The built-in theme's layouts and includes are in it wherever the site has none of that name
   * (theme/built-in-theme.ts, resolved when publishing). Absent in releases published before: the
   * Worker completes those with the built-in theme its bundle carries.
   */
  withBuiltIn?: true;
  /**
   * The content id of the layouts, includes, home page and `include_relative` files, when the theme
   * was read from a release that stores them apart: two themes with the same id draw with the same
   * parsed templates (routes/theme-drawing.ts).
   */
  templates?: string;
}

/** The templates of a theme, stored apart from its `site` data (store/theme-values.ts). */
export interface ThemeTemplates {
  kind: "theme-templates";
  layouts: ThemeModel["layouts"];
  includes: ThemeModel["includes"];
  home: ThemeModel["home"];
  /** `lookups.files`: what `include_relative` reads is parsed as templates are. */
  files?: Record<string, string>;
}

/** Each present only when the templates use what it answers. */
export interface ThemeLookups {
  /** `{% post_url 2021-05-01-name %}`: a post's `_posts/` name (with and without its folder) → its address. */
  postUrls?: Record<string, string>;
  /** `{% link path %}`: a file's path in the site → its address. */
  links?: Record<string, string>;
  /** `{% include_relative name %}`: the files the templates name, beside each page that may draw them, by path. */
  files?: Record<string, string>;
  /** `markdownify`: each text the templates converted while the publish drew every page → its HTML. */
  markdown?: Record<string, string>;
  /**
   * `{% highlight lang %}` in a layout or include: each language and code the publish drew (see
   * highlightKey in theme/render-page.ts) → the code in Rouge's token spans, as a post's is written.
   */
  highlight?: Record<string, string>;
}

/** What a post or page model carries for a theme: the layout it names and its own front matter. */
export interface ThemedPage {
  layout: string;
  /** `page.*` beyond what the model holds (front matter keys the theme reads: subtitle, image…). */
  fields: Record<string, unknown>;
  /** `page.url` when Jekyll's differs from the path the page is served at (`/about` for `/about.html`). */
  url?: string;
  /** The layout named is not the site's: the built-in theme alone draws the page (a post naming none is drawn in the built-in `post` layout, looked up in the site first). */
  missing?: true;
}
