/**
 * The few Liquid constructs that posts of real Jekyll sites carry in their text, done at publish time:
 * `{% raw %}`, `{% comment %}`, `{% highlight %}` (a fenced code block), `{% post_url %}` and
 * `{% link %}` (the address of that post or file), and `{{ site.url }}`, `{{ site.baseurl }}`,
 * `relative_url`/`absolute_url` (nothing: links stay on this site), `{% include toc %}` (the engine's
 * table of contents). Templates, loops and other includes are not run; `unsupported` lists what was
 * left as written, with its line.
 */
import { encodePath } from "../../format/urls.ts";

export interface LiquidLinks {
  /** The served path of the post `{% post_url 2010-07-21-name %}` names, or null. */
  post(name: string): string | null;
  /** The served path of the file `{% link path/to/file.md %}` names, or null. */
  file(path: string): string | null;
  /** Values for `{{ site.title }}` and the like: plain text, escaped here. */
  values: Readonly<Record<string, string>>;
}

export interface LiquidResult {
  text: string;
  /** Constructs left as written (tags we do not run, references we cannot fill), with their 1-based line in `text`'s source. */
  unsupported: Array<{ line: number; construct: string }>;
  /** The text asked for the theme's table of contents (`{% include toc %}`): the page gets the engine's. */
  toc: boolean;
}

const BLOCK = /\{%-?\s*(raw|comment|highlight)\b([^%]*?)-?%\}([\s\S]*?)\{%-?\s*end\1\s*-?%\}/g;
const TAG = /\{%-?\s*([a-z_]+)\s*([\s\S]*?)\s*-?%\}/g;
const OUTPUT = /\{\{-?\s*([\s\S]*?)\s*-?\}\}/g;
/**
 * Includes the engine has its own answer for, as minimal-mistakes' pages use them: `toc` draws the
 * table of contents (the engine builds one from the page's headings) and `base_path` only sets a
 * variable for the theme's later tags. Both leave nothing in the text.
 */
const ANSWERED_INCLUDE = /^(toc|base_path)(?:\.html)?(?:\s|$)/;
/** Liquid objects a Jekyll page or template reads; `{{ message }}` in a post about Vue is only text. */
const JEKYLL_OBJECT = /^(?:["'][^"']*["']|site|page|post|paginator|content|layout|include|jekyll)\b/;

export function runLiquid(source: string, links: LiquidLinks): LiquidResult {
  const unsupported: LiquidResult["unsupported"] = [];
  let toc = false;
  const kept: string[] = [];
  // Placeholders keep finished text (raw blocks, code) away from the passes that follow.
  const keep = (text: string) => `\u0000${kept.push(text) - 1}\u0000`;
  const lineAt = (offset: number) => source.slice(0, offset).split("\n").length;
  // Offsets after the first pass point into the rewritten text: a match is found in the source by
  // searching for it, the next search for the same text starting after it (each copy at its own line).
  const searched = new Map<string, number>();
  const sourceOffset = (match: string, fallback: number) => {
    const at = source.indexOf(match, searched.get(match) ?? 0);
    if (at < 0) return fallback;
    searched.set(match, at + match.length);
    return at;
  };

  let text = source.replace(BLOCK, (_whole, name: string, args: string, inner: string) => {
    if (name === "raw") return keep(inner);
    if (name === "comment") return "";
    const lang = args.trim().split(/\s+/)[0] ?? "";
    const fence = inner.includes("```") ? "~~~~" : "```";
    return keep(`\n${fence}${lang}\n${inner.replace(/^\r?\n/, "").replace(/\s+$/, "")}\n${fence}\n`);
  });
  text = text.replace(TAG, (whole, name: string, args: string, offset: number) => {
    const answered = name === "include" ? ANSWERED_INCLUDE.exec(args.trim())?.[1] : undefined;
    if (answered !== undefined) {
      toc ||= answered === "toc";
      return "";
    }
    const target =
      name === "post_url" ? links.post(args.trim()) : name === "link" ? links.file(args.trim().replace(/^\/+/, "")) : undefined;
    if (target !== undefined && target !== null) return encodePath(target);
    unsupported.push({ line: lineAt(sourceOffset(whole, offset)), construct: whole.replace(/\s+/g, " ") });
    return whole;
  });
  text = text.replace(OUTPUT, (whole, expression: string, offset: number) => {
    const value = output(expression, links.values);
    if (value !== null) return value;
    if (JEKYLL_OBJECT.test(expression)) unsupported.push({ line: lineAt(sourceOffset(whole, offset)), construct: whole });
    return whole;
  });
  return { text: text.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => kept[Number(i)] ?? ""), unsupported, toc };
}

/** The site and page values `{{ … }}` may name in a post or page. */
export const LIQUID_VALUES = ["site.title", "site.description", "site.author", "page.title"] as const;

/** Whether a text holds Liquid that only Jekyll could run: what makes a page a template. */
export function needsJekyll(source: string): boolean {
  const values = Object.fromEntries(LIQUID_VALUES.map((name) => [name, ""]));
  return runLiquid(source, { post: () => "/", file: () => "/", values }).unsupported.length > 0;
}

/** `site.url`, `site.baseurl` and URL filters give root-relative paths on this site; a few site values give text. */
function output(expression: string, values: Readonly<Record<string, string>>): string | null {
  const [head = "", ...filters] = expression.split("|").map((part) => part.trim());
  const literal = /^(["'])(.*)\1$/.exec(head)?.[2];
  if (/^site\.(url|baseurl)$/.test(head) && filters.length === 0) return "";
  if (literal !== undefined && filters.length > 0 && filters.every(isUrlFilter)) {
    return literal.startsWith("/") || /^[a-z]+:/i.test(literal) ? literal : `/${literal}`;
  }
  if (filters.length === 0 && head in values) return escapeText(values[head] ?? "");
  return null;
}

function isUrlFilter(filter: string): boolean {
  return /^(relative_url|absolute_url|prepend:\s*site\.(baseurl|url))$/.test(filter);
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
