/**
 * jekyll-seo-tag's `{% seo %}` (v2.8, the version GitHub Pages and Debian ship): the page's title,
 * description, author, canonical address, Open Graph and Twitter tags, the paginator's prev/next
 * links, webmaster verifications and the JSON-LD block, line for line as the plugin writes them, from
 * `site`, `page` and `paginator` in scope. `{% seo title=false %}` leaves out the `<title>`. The
 * generator is named as this engine, not as Jekyll.
 */
import { type Context, Tag, type Template } from "liquidjs";
import { textFilters } from "../filters/text-filters.ts";
import { urlFilters } from "../filters/url-filters.ts";
import type { RenderState } from "../state.ts";

type Data = Record<string, unknown>;

const SEPARATOR = " | ";
const HOME_OR_ABOUT = /^\/(about\/)?(index\.html?)?$/;

export function seoTag(state: RenderState) {
  const { absolute_url } = urlFilters(state.site);
  const text = textFilters(state.site);
  const format = (value: unknown) => formatString(value, text);
  return class Seo extends Tag {
    private xmlschema: Template[] | null = null;

    render(ctx: Context): string {
      const site = record(ctx.getSync(["site"]));
      const page = record(ctx.getSync(["page"]));
      const paginator = record(ctx.getSync(["paginator"]));
      this.xmlschema ??= this.liquid.parse("{{ d | date_to_xmlschema }}");
      const templates = this.xmlschema;
      const xmlschema = (date: unknown) => String(this.liquid.renderSync(templates, { d: date }));
      return seoHtml({
        site,
        page,
        paginator,
        absolute: (p) => String(absolute_url(p)),
        xmlschema,
        showTitle: !/title=false/i.test(this.token.args),
        format,
      });
    }
  };
}

interface SeoInput {
  site: Data;
  page: Data;
  paginator: Data;
  absolute(path: string): string;
  xmlschema(date: unknown): string;
  showTitle: boolean;
  /** The plugin's `format_string`, with the site's Markdown (formatString). */
  format(value: unknown): string | null;
}

function seoHtml({ site, page, paginator, absolute, xmlschema, showTitle, format }: SeoInput): string {
  const seo = record(page.seo);
  const social = record(site.social);
  const siteTitle = format(site.title ?? site.name);
  const siteDescription = format(site.description);
  const tagline = format(site.tagline) ?? siteDescription;
  const pageTitle = format(page.title) ?? siteTitle;
  let title =
    siteTitle !== null && pageTitle !== siteTitle
      ? `${pageTitle}${SEPARATOR}${siteTitle}`
      : siteDescription !== null && siteTitle !== null
        ? `${siteTitle}${SEPARATOR}${tagline}`
        : (pageTitle ?? siteTitle);
  const current = typeof paginator.page === "number" ? paginator.page : null;
  if (title !== null && current !== null && current > 1) {
    const message = typeof site.seo_paginator_message === "string" ? site.seo_paginator_message : "Page %<current>s of %<total>s for ";
    title = message.replace(/%<current>s/g, String(current)).replace(/%<total>s/g, String(paginator.total_pages)) + title;
  }
  const url = typeof page.url === "string" ? page.url : "";
  const homeOrAbout = HOME_OR_ABOUT.test(url);
  const description = format(page.description ?? page.excerpt) ?? siteDescription;
  const author = authorOf(page, site);
  const image = imageOf(page, absolute);
  const canonical =
    typeof page.canonical_url === "string" && page.canonical_url !== "" ? page.canonical_url : absolute(url).replace(/\/index\.html$/, "/");
  const lang = str(page.lang) ?? str(site.lang) ?? "en_US";
  const locale = (str(page.locale) ?? str(site.locale) ?? lang).replace(/-/g, "_");
  const date = present(page.date) ? page.date : null;

  const lines = ["<!-- Begin Jekyll SEO tag v2.8.0 -->"];
  const add = (line: string) => lines.push(line);
  if (showTitle && title !== null) add(`<title>${title}</title>`);
  add('<meta name="generator" content="edgepress" />');
  if (pageTitle !== null) add(`<meta property="og:title" content="${pageTitle}" />`);
  if (present(author.name)) add(`<meta name="author" content="${author.name}" />`);
  add(`<meta property="og:locale" content="${locale}" />`);
  if (description !== null) {
    add(`<meta name="description" content="${description}" />`);
    add(`<meta property="og:description" content="${description}" />`);
  }
  if (present(site.url)) {
    add(`<link rel="canonical" href="${canonical}" />`);
    add(`<meta property="og:url" content="${canonical}" />`);
  }
  if (siteTitle !== null) add(`<meta property="og:site_name" content="${siteTitle}" />`);
  if (image !== null) {
    add(`<meta property="og:image" content="${image.path}" />`);
    for (const key of ["height", "width", "alt"]) {
      if (present(image.data[key])) add(`<meta property="og:image:${key}" content="${image.data[key]}" />`);
    }
  }
  if (date !== null) {
    add('<meta property="og:type" content="article" />');
    add(`<meta property="article:published_time" content="${xmlschema(date)}" />`);
  } else add('<meta property="og:type" content="website" />');
  if (present(paginator.previous_page)) add(`<link rel="prev" href="${absolute(String(paginator.previous_page_path))}" />`);
  if (present(paginator.next_page)) add(`<link rel="next" href="${absolute(String(paginator.next_page_path))}" />`);
  if (image !== null) {
    const card = firstPresent(record(page.twitter).card, record(site.twitter).card) ?? "summary_large_image";
    add(`<meta name="twitter:card" content="${card}" />`);
    add(`<meta property="twitter:image" content="${image.path}" />`);
  } else add('<meta name="twitter:card" content="summary" />');
  if (image !== null && present(image.data.alt)) add(`<meta name="twitter:image:alt" content="${image.data.alt}" />`);
  if (pageTitle !== null) add(`<meta property="twitter:title" content="${pageTitle}" />`);
  if (present(site.twitter)) {
    add(`<meta name="twitter:site" content="@${String(record(site.twitter).username ?? "").replace(/@/g, "")}" />`);
    if (author.twitter !== undefined && author.twitter !== "")
      add(`<meta name="twitter:creator" content="@${author.twitter.replace(/@/g, "")}" />`);
  }
  const facebook = record(site.facebook);
  if (present(site.facebook)) {
    if (present(facebook.admins)) add(`<meta property="fb:admins" content="${facebook.admins}" />`);
    if (present(facebook.publisher)) add(`<meta property="article:publisher" content="${facebook.publisher}" />`);
    if (present(facebook.app_id)) add(`<meta property="fb:app_id" content="${facebook.app_id}" />`);
  }
  const verify = record(site.webmaster_verifications);
  if (present(site.webmaster_verifications)) {
    for (const [key, name] of VERIFICATIONS) if (present(verify[key])) add(`<meta name="${name}" content="${verify[key]}" />`);
  } else if (present(site.google_site_verification)) {
    add(`<meta name="google-site-verification" content="${site.google_site_verification}" />`);
  }

  const type = str(seo.type) ?? (homeOrAbout ? "WebSite" : date !== null ? "BlogPosting" : "WebPage");
  const logo = present(site.logo) ? uriEscape(isAbsolute(String(site.logo)) ? String(site.logo) : absolute(String(site.logo))) : null;
  const name = present(seo.name) ? format(seo.name) : homeOrAbout ? (format(social.name) ?? siteTitle) : null;
  const modified = seo.date_modified ?? page.last_modified_at ?? page.date;
  const json: Data = {
    "@context": "https://schema.org",
    "@type": type,
    author:
      present(author.name) && (author.type === undefined || author.type === "Person" || author.type === "Organization")
        ? { "@type": author.type ?? "Person", name: author.name, ...(present(author.url) ? { url: author.url } : {}) }
        : null,
    dateModified: present(modified) ? xmlschema(modified) : null,
    datePublished: date !== null ? xmlschema(date) : null,
    description,
    headline: pageTitle,
    image: image === null ? null : Object.keys(image.data).length === 1 ? image.path : { ...imageJson(image), "@type": "imageObject" },
    mainEntityOfPage: type === "BlogPosting" || type === "CreativeWork" ? { "@type": "WebPage", "@id": canonical } : null,
    name,
    publisher:
      logo === null
        ? null
        : { "@type": "Organization", logo: { "@type": "ImageObject", url: logo }, ...(present(author.name) ? { name: author.name } : {}) },
    sameAs: seo.links ?? (homeOrAbout ? (social.links ?? null) : null),
    url: canonical,
  };
  const ld = Object.fromEntries(Object.entries(json).filter(([, v]) => v !== null && v !== undefined));
  add('<script type="application/ld+json">');
  add(`${JSON.stringify(ld)}</script>`);
  add("<!-- End Jekyll SEO tag -->");
  return `${lines.join("\n")}\n`;
}

const VERIFICATIONS: Array<[string, string]> = [
  ["google", "google-site-verification"],
  ["bing", "msvalidate.01"],
  ["alexa", "alexaVerifyID"],
  ["yandex", "yandex-verification"],
  ["baidu", "baidu-site-verification"],
  ["facebook", "facebook-domain-verification"],
];

interface Author {
  name?: unknown;
  twitter?: string;
  type?: unknown;
  url?: unknown;
}

/** The page's author, else the first of its `authors`, else the site's; a name gains `site.data.authors[name]`. */
function authorOf(page: Data, site: Data): Author {
  const authors = Array.isArray(page.authors) ? page.authors[0] : undefined;
  const found = [page.author, authors, site.author].find((a) => a !== undefined && a !== null && String(a) !== "" && !isEmptyObject(a));
  let hash: Data = {};
  if (typeof found === "string") {
    const known = record(record(record(site.data).authors)[found]);
    hash = { name: found, ...known };
  } else if (typeof found === "object" && found !== null) hash = found as Data;
  const twitter = hash.twitter ?? hash.name;
  return { ...hash, ...(typeof twitter === "string" ? { twitter: twitter.replace(/^@/, "") } : {}) } as Author;
}

function imageOf(page: Data, absolute: (p: string) => string): { path: string; data: Data } | null {
  const raw = page.image;
  const data: Data =
    typeof raw === "string" ? { path: raw } : typeof raw === "object" && raw !== null ? { path: null, ...(raw as Data) } : {};
  const path = data.path ?? data.facebook ?? data.twitter;
  if (!present(path)) return null;
  const full = typeof path === "string" && !isAbsolute(path) ? absolute(path) : String(path);
  return { path: uriEscape(full), data };
}

function imageJson(image: { path: string; data: Data }): Data {
  const { path: _path, ...rest } = image.data;
  return { url: image.path, ...rest };
}

/**
 * The plugin's `format_string`: Markdown to HTML (with kramdown's curly quotes and dashes), the tags
 * stripped, whitespace collapsed, `&`, `<`, `>` and `"` escaped once; empty is none.
 */
function formatString(value: unknown, text: ReturnType<typeof textFilters>): string | null {
  if (value === undefined || value === null || value === false) return null;
  const html = text
    .markdownify(String(value))
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
  const stripped = html.replace(/<script.*?<\/script>|<!--.*?-->|<style.*?<\/style>|<.*?>/gs, "");
  const plain = text.smartify(stripped).replace(/\s+/g, " ").trim();
  const out = plain.replace(/["<>]|&(?!(?:[a-z]+|#\d+|#x[0-9a-f]+);)/gi, (c: string) => ESCAPES[c] ?? c);
  return out === "" ? null : out;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Addressable's normalize as Jekyll's `uri_escape` applies it: spaces and other unsafe characters percent-encoded. */
function uriEscape(url: string): string {
  return url.replace(/[^\w\-.~:/?#[\]@!$&'()*+,;=%]/g, (c) => encodeURIComponent(c));
}

function isAbsolute(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url);
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false && value !== "";
}

function firstPresent(...values: unknown[]): unknown {
  return values.find(present);
}

function str(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}

function record(value: unknown): Data {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Data) : {};
}
