/**
 * Liquid templates: files Jekyll ran to make a page (the home page's post loop, feed.xml,
 * sitemap.xml, a theme's archive page). They are not run here (Liquid in other pages is, see
 * liquid.ts); each is named in the publish summary,
 * and its address answers with our equivalent where there is one.
 */
import { slugify } from "../permalink.ts";
import type { Post } from "../post.ts";
import { needsJekyll } from "./liquid.ts";

/** What answers at a template's address now. */
export type Equivalent =
  | { kind: "feed"; format: "rss" | "atom"; ids: FeedIds; withBaseurl: boolean }
  | { kind: "json-feed" }
  | { kind: "sitemap" }
  | { kind: "home" }
  | { kind: "search" }
  | { kind: "robots" }
  | { kind: "archive"; path: string; term: TermName };

/** A category or tag as a page names it. */
export interface TermName {
  kind: "category" | "tag";
  name: string;
}

/**
 * Which id the old feed gave each entry: the post's URL (`post.url`, as most feed.xml templates and
 * RSS readers use), or Jekyll's `post.id` (jekyll-feed's `<id>`).
 */
export type FeedIds = "url" | "id";

export interface Template {
  source: string;
  /** Where Jekyll served its output. */
  path: string;
  equivalent: Equivalent | null;
}

const SOURCE_TEXT = /\.(md|markdown|mdown|mkd|html?)$/i;
/** Theme layouts that build a whole page of posts (minima, minimal-mistakes, jekyll-now, …) from an empty body. */
const LIST_LAYOUTS = new Set(["home", "blog", "posts", "archive", "archives", "paginate", "categories", "tags", "category", "tag"]);
/**
 * The home page is the engine's own. A page at any other address the engine answers (search, a feed,
 * the sitemap) keeps it, and the engine's page moves aside (compile/conflicts.ts).
 */
const OWN_ADDRESS = /^\/$/;

/**
 * The template a parsed page is, or null when it is a page to publish. A page is a template when it
 * is not Markdown or HTML (its output is XML, JSON, CSS…), when its text holds Liquid only Jekyll can
 * run, when it claims the home page's address, or when it is an
 * empty page that a theme's layout filled: a list of posts, search, one tag's or category's posts.
 * A `document` of a collection with `output: true` is written like a post (al-folio's projects,
 * minimal-mistakes' portfolio): Liquid in its prose (a figure, a gallery, a citation) is left as
 * written with a warning, as in a post, unless the text is a template of a kind the engine answers
 * for (a list of posts, a feed).
 */
export function asTemplate(
  page: Post,
  hasInclude?: (name: string) => boolean,
  ownLayouts?: ReadonlySet<string>,
  document = false,
): Template | null {
  const layout = page.themeLayout ?? "";
  const empty = page.body.trim() === "";
  // With the site's own theme, a page its layout fills is drawn by that layout, as Jekyll drew it.
  const filledByLayout = empty && !ownLayouts?.has(layout) && (LIST_LAYOUTS.has(layout) || layout === "search" || archiveOf(page) !== null);
  const equivalent = equivalentOf(page, layout);
  // A collection's document is published with its Liquid run (what the engine lacks stays, with a warning), unless it lists posts.
  // A page the site's own layout draws has its loops over the site run at publish time, as Jekyll ran them at
  // build time (beautiful-jekyll's tags.html lists site.tags in its body), and is drawn by that layout.
  const liquid = needsJekyll(page.body, hasInclude, ownLayouts?.has(layout) === true) && (!document || equivalent !== null);
  if (!SOURCE_TEXT.test(page.source) || liquid || OWN_ADDRESS.test(page.permalink) || filledByLayout) {
    return { source: page.source, path: page.permalink, equivalent };
  }
  return null;
}

/** A tag or category page as tag plugins write them (`tag: jekyll` and nothing else): that term and its archive's address. */
function archiveOf(page: Post): { path: string; term: TermName } | null {
  const [only, ...more] = [
    ...page.tags.map((name): TermName => ({ kind: "tag", name })),
    ...page.categories.map((name): TermName => ({ kind: "category", name })),
  ];
  if (only === undefined || more.length > 0) return null;
  const slug = slugify(only.name);
  return slug === "" ? null : { path: `/${only.kind}/${slug}/`, term: only };
}

function equivalentOf(page: Post, layout: string): Equivalent | null {
  const body = page.body;
  // Whatever a template wrote there (some themes put an RSS document at /sitemap.xml), crawlers ask it for a sitemap.
  if (page.permalink === "/sitemap.xml") return { kind: "sitemap" };
  if (/<rss[\s>]|<rdf:RDF[\s>]/i.test(body)) return { kind: "feed", format: "rss", ...feedIds(body, "guid") };
  if (/<feed[\s>]/i.test(body)) return { kind: "feed", format: "atom", ...feedIds(body, "id") };
  if (/jsonfeed\.org/i.test(body)) return { kind: "json-feed" };
  if (/<(urlset|sitemapindex)[\s>]/i.test(body)) return { kind: "sitemap" };
  if (page.permalink === "/robots.txt") return { kind: "robots" };
  if (layout === "search" || /^\/search(\/|\.html$)/.test(page.permalink)) return { kind: "search" };
  const archive = page.body.trim() === "" ? archiveOf(page) : null;
  if (archive !== null) return { kind: "archive", ...archive };
  if (page.permalink === "/" || LIST_LAYOUTS.has(layout) || /\b(paginator\.posts|site\.posts)\b/.test(body)) return { kind: "home" };
  return null;
}

/**
 * Reads the entry id a feed template wrote: `post.id` inside the entry's `<guid>`/`<id>` means
 * Jekyll's id, else the post's URL; with `site.baseurl` or a URL filter, prefixed with the baseurl.
 */
function feedIds(body: string, element: "guid" | "id"): { ids: FeedIds; withBaseurl: boolean } {
  const loop = body.slice(Math.max(0, body.search(/\{%-?\s*for\s/)));
  const id = new RegExp(`<${element}\\b[^>]*>([\\s\\S]*?)</${element}>`, "i").exec(loop)?.[1] ?? "";
  return { ids: /\bpost\.id\b/.test(id) ? "id" : "url", withBaseurl: /\bbaseurl\b|\b(absolute|relative)_url\b/.test(id) };
}
