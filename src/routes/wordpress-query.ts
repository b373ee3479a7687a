/**
 * WordPress's own addresses, which work under every permalink setting and so are all over the web:
 * `/?p=278` and `/?page_id=2` for a post or page, `/?s=term` for search, `/?feed=rss2` for the feed,
 * `/?cat=3`, `/?tag=volcano`, `/?author=1`, `/?m=200910` for archives, `/?attachment_id=45` for a
 * file, `/?name=hello-world` for a post by its slug and `/?pagename=about/team` for a page by its path. Each answers with a 301 to the address that shows the same thing here; a query that selects
 * something this site does not have is a 404, never the home page. Queries WordPress does not read
 * (tracking parameters such as `utm_source` or `fbclid`) leave the page as it is.
 */
import { encodePath } from "../format/urls.ts";
import { type Reply, redirectReply } from "../http/reply.ts";
import { enginePath } from "../model/site.ts";
import { querySlug, type WordpressIdKind } from "../model/wordpress-ids.ts";
import { notFound } from "./not-found.ts";
import { searchReply } from "./search.ts";
import type { SiteRequest } from "./site-request.ts";

/**
 * WordPress's public query variables that select what a page shows (WP::$public_query_vars, less
 * the ones that only order or page what is selected). Any of them with nothing found here is a 404.
 */
const SELECTING = new Set([
  "p",
  "page_id",
  "s",
  "cat",
  "tag",
  "tag_id",
  "author",
  "author_name",
  "category_name",
  "m",
  "w",
  "year",
  "monthnum",
  "day",
  "hour",
  "minute",
  "second",
  "name",
  "pagename",
  "attachment",
  "attachment_id",
  "subpost",
  "subpost_id",
  "preview",
  "feed",
  "paged",
  "page",
  "post_type",
  "taxonomy",
  "term",
  "error",
  "robots",
  "sitemap",
  "embed",
  "calendar",
  "static",
  "withcomments",
  "withoutcomments",
  "cpage",
  "comments_popup",
  "posts",
]);

/** The answer to a query on `/` that WordPress would have answered, or null for a plain home page request. */
export async function wordpressQuery(req: SiteRequest): Promise<Reply | null> {
  const params = req.url.searchParams;
  if (![...params.keys()].some((key) => SELECTING.has(key))) return null;
  const s = params.get("s");
  if (s !== null && !params.has("p") && !params.has("page_id")) return searchReply(req, s, Number(params.get("paged")) || 1, "/");
  const target = await selected(req, params);
  if (target === null) return notFound(req);
  // What an id names is known to be there now (its answer starts when it is out, and may be a media
  // file, a static asset); a path put together from the query is looked up.
  const known = target.byId || target.path === "/robots.txt" || target.path === "/sitemap.xml";
  // The engine's page may have moved aside for an author's page at its address.
  const path = target.byId ? target.path : enginePath(req.site.release.site, target.path);
  return known || (await req.site.serves(path)) ? redirectReply(encodePath(path)) : notFound(req);
}

/**
 * The path here that shows what the query selects (`byId`: named by a WordPress id as it is), or null
 * when it selects nothing this site has.
 */
async function selected(req: SiteRequest, params: URLSearchParams): Promise<{ path: string; byId: boolean } | null> {
  const id = (kind: WordpressIdKind, key: string) => {
    const value = params.get(key)?.trim() ?? "";
    // As WordPress does, an id that names nothing published (yet) is not found.
    return /^\d+$/.test(value) ? req.site.wordpressId(kind, value) : Promise.resolve(null);
  };
  const byId = (path: string | null) => (path === null ? null : { path, byId: true });
  if (params.has("p") || params.has("page_id")) return byId(await id("post", params.has("p") ? "p" : "page_id"));
  if (params.has("attachment_id")) return byId(await id("attachment", "attachment_id"));
  for (const kind of ["name", "pagename"] as const) {
    const slug = querySlug(params.get(kind) ?? "");
    if (params.has(kind)) return slug === "" ? null : byId(await req.site.wordpressId(kind, slug));
  }
  if (params.has("robots")) return { path: "/robots.txt", byId: false };
  if (params.has("sitemap")) return { path: "/sitemap.xml", byId: false };
  const base = await archiveBase(params, id);
  if (base === null) return null;
  const feed = params.get("feed");
  if (feed !== null) {
    const path = feedOf(base, feed);
    return path === null ? null : { path, byId: false };
  }
  const paged = Number(params.get("paged") ?? params.get("page") ?? "1");
  if (!Number.isInteger(paged) || paged < 1) return null;
  if (params.has("error")) return null;
  return { path: paged === 1 ? base : `${base}page/${paged}/`, byId: false };
}

type IdLookup = (kind: WordpressIdKind, key: string) => Promise<string | null>;

/** The list a query selects: an archive by id, slug or date, else the home page; null when the archive is not here. */
async function archiveBase(params: URLSearchParams, id: IdLookup): Promise<string | null> {
  if (params.has("cat")) return id("category", "cat");
  if (params.has("tag_id")) return id("tag", "tag_id");
  if (params.has("author")) return id("author", "author");
  for (const [key, kind] of [
    ["category_name", "category"],
    ["tag", "tag"],
    ["author_name", "author"],
  ] as const) {
    const value = params.get(key);
    // `category_name` may be a path of nested categories (`parent/child`): the last one is the category.
    if (value !== null)
      return slugPath(
        kind,
        value
          .split("/")
          .filter((s) => s !== "")
          .pop() ?? "",
      );
  }
  if (params.has("m") || params.has("year")) return dateArchive(params);
  // Anything else that selects (a custom type, a subpost) is not something this site can look up.
  const other = [...params.keys()].filter((key) => SELECTING.has(key) && !["feed", "paged", "page", "cpage", "withcomments"].includes(key));
  return other.length === 0 ? "/" : null;
}

/** `/?m=2009`, `/?m=200910`, `/?m=20091015`, or `year`, `monthnum` and `day`: the date archive. */
function dateArchive(params: URLSearchParams): string | null {
  const m = params.get("m");
  const digits = m ?? `${params.get("year") ?? ""}${pad(params.get("monthnum"))}${pad(params.get("day"))}`;
  const parts = /^(\d{4})(\d{2})?(\d{2})?$/.exec(digits.trim());
  if (!parts) return null;
  return `/${[parts[1], parts[2], parts[3]].filter((p) => p !== undefined).join("/")}/`;
}

function pad(value: string | null): string {
  return value === null || value === "" ? "" : value.padStart(2, "0");
}

function slugPath(kind: "category" | "tag" | "author", slug: string): string | null {
  let decoded = slug;
  try {
    decoded = decodeURIComponent(slug);
  } catch {}
  const clean = decoded.trim().toLowerCase();
  return clean === "" || clean.includes("/") ? null : `/${kind}/${clean}/`;
}

/** `?feed=rss2` (and rss, rdf, atom) of a list: its feed. Only the home page's has an Atom sibling. */
function feedOf(base: string, format: string): string | null {
  const kind = format.trim().toLowerCase();
  if (kind === "atom") return base === "/" ? "/feed/atom/" : `${base}feed/`;
  if (["", "rss2", "rss", "rdf", "feed"].includes(kind)) return `${base}feed/`;
  if (kind === "comments-rss2" || kind === "comments-atom") return "/comments/feed/";
  return null;
}
