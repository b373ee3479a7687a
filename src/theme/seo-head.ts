/**
 * What search engines and link previews read from a page's head, as data for the built-in theme's
 * head.html: Open Graph properties and schema.org JSON-LD (BlogPosting for posts, WebSite + Blog for the home page, WebPage otherwise).
 */

import { absoluteUrl } from "../format/urls.ts";
import type { PostModel } from "../model/page-models.ts";
import type { PageContext } from "../render/page-context.ts";
import { imageOf, imageProperties, structuredImage } from "./seo-image.ts";

export interface SeoFacts {
  /** Full `<title>` text. */
  title: string;
  /** The page's own title, for social cards (without the site name). */
  headline: string;
  description: string;
  /** The post or page shown, when the page is one. */
  article: PostModel | null;
}

/** Open Graph's properties (those with a value) and the Twitter card kind for the page at `url`. */
export function seoProperties(ctx: PageContext, facts: SeoFacts, url: string): { og: Array<[string, string]>; twitterCard: string } {
  const article = facts.article;
  const isPost = article?.layout === "post";
  const og: Array<[string, string]> = [
    ["og:type", isPost ? "article" : "website"],
    ["og:site_name", ctx.site.title],
    ["og:title", facts.headline],
    ["og:description", facts.description],
    ["og:url", url],
    ["og:locale", ctx.site.lang.replace("-", "_")],
  ];
  if (isPost && article) {
    og.push(["article:published_time", article.date]);
    if (article.updated) og.push(["article:modified_time", article.updated]);
    for (const section of article.categories) og.push(["article:section", section]);
    for (const tag of article.tags) og.push(["article:tag", tag]);
  }
  const image = article?.image ? imageOf(article.image, url) : null;
  if (image) og.push(...imageProperties(image));
  return { og: og.filter(([, value]) => value !== ""), twitterCard: image ? "summary_large_image" : "summary" };
}

export function structuredData(ctx: PageContext, facts: SeoFacts, url: string): object {
  const { site } = ctx;
  const home = absoluteUrl(ctx.origin, "/");
  const publisher = { "@type": "Organization", name: site.title, url: home };
  const article = facts.article;
  if (article?.layout === "post") {
    const author = article.author || site.author;
    return {
      "@context": "https://schema.org",
      "@type": "BlogPosting",
      headline: article.title,
      description: facts.description || undefined,
      url,
      mainEntityOfPage: { "@type": "WebPage", "@id": url },
      datePublished: article.date,
      dateModified: article.updated ?? article.date,
      author: author ? { "@type": "Person", name: author } : undefined,
      publisher,
      inLanguage: site.lang,
      articleSection: article.categories.length > 0 ? article.categories : undefined,
      keywords: article.tags.length > 0 ? article.tags.join(", ") : undefined,
      isPartOf: { "@type": "Blog", "@id": `${home}#blog` },
      image: article.image ? structuredImage(imageOf(article.image, url)) : undefined,
    };
  }
  if (ctx.path === "/") {
    return {
      "@context": "https://schema.org",
      "@graph": [
        {
          "@type": "WebSite",
          "@id": `${home}#website`,
          url: home,
          name: site.title,
          description: site.description || undefined,
          inLanguage: site.lang,
        },
        { "@type": "Blog", "@id": `${home}#blog`, url: home, name: site.title, description: site.description || undefined, publisher },
      ],
    };
  }
  return {
    "@context": "https://schema.org",
    "@type": "WebPage",
    url,
    name: facts.headline,
    description: facts.description || undefined,
    inLanguage: site.lang,
    isPartOf: { "@type": "WebSite", "@id": `${home}#website` },
  };
}

/**
 * JSON made safe inside `<script>`: a `</script>` or `<!--` in a title must not end or change the
 * element (HTML §4.12.1.3), so `<`, `>` and `&` are written as \u escapes, which JSON reads back the same.
 * U+2028/U+2029 are escaped too for old parsers that treat them as line ends.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
