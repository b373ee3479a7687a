/**
 * Jekyll's text filters that liquidjs does not have, or has otherwise (lib/jekyll/filters.rb):
 * `markdownify` through the caller's Markdown renderer (the project's one configured marked), `smartify` (SmartyPants:
 * curly quotes, dashes, ellipses), `xml_escape` (Ruby's XML attribute escaping), `uri_escape`
 * (Addressable's normalize_component: escapes already there are kept), `normalize_whitespace`
 * (stripped at both ends) and `slugify` in every mode.
 */
import type { LiquidSite } from "../site.ts";
import { slugify } from "./slugify.ts";
import { normalizeUrl } from "./url-filters.ts";

export const textFilters = (site: LiquidSite) => ({
  markdownify(input: unknown): string {
    return site.markdown === undefined ? text(input) : site.markdown(text(input));
  },
  smartify,
  slugify,
  xml_escape(input: unknown): string {
    return text(input).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
  },
  uri_escape(input: unknown): string {
    return normalizeUrl(text(input));
  },
  normalize_whitespace(input: unknown): string {
    return text(input).replace(/\s+/g, " ").trim();
  },
});

function text(input: unknown): string {
  return input === null || input === undefined ? "" : String(input);
}

/** SmartyPants as kramdown's SmartyPants parser applies it; HTML tags and their attributes are left alone. */
function smartify(input: unknown): string {
  return text(input)
    .split(/(<[^>]*>)/)
    .map((part, i) => (i % 2 === 1 ? part : smartText(part)))
    .join("");
}

function smartText(part: string): string {
  return part
    .replace(/---/g, "\u2014")
    .replace(/--/g, "\u2013")
    .replace(/\.\.\.|\. \. \./g, "\u2026")
    .replace(/(^|[\s([{\u2014\u2013-])"(?=\S)/g, "$1\u201c")
    .replace(/"/g, "\u201d")
    .replace(/(^|[\s([{\u2014\u2013-])'(?=\S)/g, "$1\u2018")
    .replace(/'/g, "\u2019");
}
