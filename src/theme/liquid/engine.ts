/**
 * One liquidjs engine set up for Jekyll's dialect (Jekyll 4.3 on Liquid 4): strict filters and
 * variables off (an unknown variable renders empty), Ruby's truthiness, documents equal by identity
 * (operators.ts), greedy `{%-` trimming, the
 * tags and filters Jekyll has and no others, and the bounds of limits.ts. Pure: no file system,
 * includes come from the caller's maps. A new engine per render keeps the parse limit per page.
 */
import { Liquid } from "liquidjs";
import { escapeHtml } from "../escape-html.ts";
import { withGroupSizes } from "./filters/group-filters.ts";
import { keepNil, NIL_KEPT_FILTERS } from "./filters/nil-kept.ts";
import { DATE_FILTERS, rememberedDates } from "./filters/remembered-dates.ts";
import { jekyllSort } from "./filters/sort-filter.ts";
import { textFilters } from "./filters/text-filters.ts";
import { urlFilters } from "./filters/url-filters.ts";
import { jekyllWhere } from "./filters/where-filter.ts";
import { laxConditions } from "./lax-conditions.ts";
import { MEMORY_LIMIT, PARSE_LIMIT, RENDER_LIMIT_MS } from "./limits.ts";
import { JEKYLL_OPERATORS } from "./operators.ts";
import { quickenRenderer } from "./quick-render.ts";
import { quickenTemplates } from "./quick-values.ts";
import type { RenderState } from "./state.ts";
import { highlightTag } from "./tags/highlight.ts";
import { includeTags } from "./tags/include.ts";
import { linkTags } from "./tags/links.ts";
import { feedMetaTag, GistTag } from "./tags/plugin-tags.ts";
import { QuickAssign } from "./tags/quick-assign.ts";
import { QuickFor } from "./tags/quick-for.ts";
import { QuickIf } from "./tags/quick-if.ts";
import { seoTag } from "./tags/seo.ts";
import { catchUnknown } from "./unknown.ts";

/** Liquid 4's standard filters and Jekyll's (lib/jekyll/filters*.rb) that liquidjs implements as Jekyll does. */
const JEKYLL_FILTERS = new Set(
  (
    "size downcase upcase capitalize escape escape_once url_encode url_decode slice truncate truncatewords split strip lstrip " +
    "rstrip strip_html strip_newlines join sort sort_natural uniq reverse map compact concat remove remove_first replace " +
    "replace_first append prepend newline_to_br date first last abs plus minus times divided_by modulo round ceil floor " +
    "at_least at_most default slugify cgi_escape uri_escape jsonify normalize_whitespace number_of_words " +
    "array_to_sentence_string where where_exp find find_exp group_by group_by_exp pop push shift unshift sample to_integer " +
    "inspect date_to_xmlschema date_to_rfc822 date_to_string date_to_long_string"
  ).split(" "),
);
/** Liquid 4's tags (Jekyll's own are added below); liquidjs's later ones (render, echo, liquid, layout, block) are not Jekyll's. */
const LIQUID_TAGS = new Set("assign capture case comment cycle decrement for break continue if increment raw tablerow unless".split(" "));

export function jekyllEngine(state: RenderState): Liquid {
  const liquid = new Liquid({
    strictFilters: false,
    strictVariables: false,
    jsTruthy: false,
    greedy: true,
    dynamicPartials: false,
    relativeReference: false,
    jekyllWhere: true,
    ownPropertyOnly: true,
    operators: JEKYLL_OPERATORS,
    timezoneOffset: state.site.timezone,
    parseLimit: PARSE_LIMIT,
    renderLimit: RENDER_LIMIT_MS,
    memoryLimit: MEMORY_LIMIT,
    // Includes are this engine's own tags reading the caller's maps; nothing may reach for files.
    fs: noFiles,
  });
  for (const name of Object.keys(liquid.filters)) if (!JEKYLL_FILTERS.has(name)) delete liquid.filters[name];
  for (const name of Object.keys(liquid.tags)) if (!LIQUID_TAGS.has(name)) delete liquid.tags[name];
  const filters = {
    ...urlFilters(state.site),
    ...textFilters(state.site),
    // Jekyll escapes with Ruby's CGI.escapeHTML: `"` is `&quot;` (liquidjs writes `&#34;`).
    escape: jekyllEscape,
    h: jekyllEscape,
    strip_index: stripIndex,
    where: jekyllWhere(liquid.filters.where),
    sort: jekyllSort(liquid.filters.sort),
    group_by: withGroupSizes(liquid.filters.group_by),
    group_by_exp: withGroupSizes(liquid.filters.group_by_exp),
  };
  for (const [name, filter] of Object.entries(filters)) if (filter !== undefined) liquid.registerFilter(name, filter);
  for (const name of NIL_KEPT_FILTERS) {
    const filter = liquid.filters[name];
    if (filter !== undefined) liquid.registerFilter(name, keepNil(filter));
  }
  for (const name of DATE_FILTERS) {
    const filter = liquid.filters[name];
    if (filter !== undefined) liquid.registerFilter(name, rememberedDates(filter));
  }
  const includes = includeTags(state);
  const tags = {
    assign: QuickAssign,
    for: QuickFor,
    if: QuickIf,
    include: includes.include,
    include_relative: includes.include_relative,
    ...linkTags(state),
    highlight: highlightTag(state),
    ...pluginTags(state, includes.include_cached),
  };
  for (const [name, tag] of Object.entries(tags)) liquid.registerTag(name, tag);
  catchUnknown(liquid, state);
  // Every template and include is parsed here: conditions read as Jekyll's lax parser reads them
  // (lax-conditions.ts), and values made quicker to work out (quick-values.ts).
  const parse = liquid.parse.bind(liquid);
  liquid.parse = (html, file) => quickenTemplates(parse(dotBrackets(laxConditions(html)), file));
  quickenRenderer(liquid);
  return liquid;
}

/** A tag's or output's markup: where `a.[b]` may be written. */
const MARKUP = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

/**
 * Ruby's Liquid reads `a.[b]` as `a[b]` (chirpy's side menu looks its labels up as
 * `site.data.locales[lang].tabs.[tab_name]`); liquidjs stops at the dot and gives `a` itself. Written
 * as `a[b]` inside tags and outputs only, so the page's own text is left as it is.
 */
function dotBrackets(source: string): string {
  if (!source.includes(".[")) return source;
  return source.replace(MARKUP, (markup) => markup.replace(/([\w\]])\.\[/g, "$1["));
}

/** The tags of the plugins the site names (jekyll-seo-tag, jekyll-feed, jekyll-gist, jekyll-include-cache). */
function pluginTags(state: RenderState, includeCached: Liquid["tags"][string]): Record<string, Liquid["tags"][string]> {
  const named = new Set(state.site.plugins ?? []);
  const tags: Record<string, Liquid["tags"][string]> = {};
  if (named.has("jekyll-seo-tag")) tags.seo = seoTag(state);
  if (named.has("jekyll-feed")) tags.feed_meta = feedMetaTag(state);
  if (named.has("jekyll-gist")) tags.gist = GistTag;
  if (named.has("jekyll-include-cache")) tags.include_cached = includeCached;
  return tags;
}

function jekyllEscape(input: unknown): string {
  return escapeHtml(String(input ?? ""));
}

/** Jekyll's `strip_index`: `/about/index.html` → `/about/`. */
function stripIndex(input: unknown): unknown {
  return typeof input === "string" ? input.replace(/\/index\.html?$/, "/") : input;
}

const none = (): never => {
  throw new Error("templates are read from the site's files, not from disk");
};
const noFiles = {
  exists: async () => false,
  existsSync: () => false,
  readFile: none,
  readFileSync: none,
  resolve: (_dir: string, file: string) => file,
};
