/**
 * Parentheses in conditions, read as Jekyll reads them. Liquid 4 has no grouping: Jekyll's default
 * `liquid.error_mode: warn` falls back to the lax parser, which reads each operand of `if`, `elsif`
 * and `unless` by scanning it for names, so a parenthesis beside a name is passed over and
 * `{% if site.title and (site.title != pagetitle) %}` (beautiful-jekyll's head.html) is
 * `site.title and site.title != pagetitle`, and/or still taken right to left. liquidjs reads `(` as
 * the start of a range and stops the page. Here those parentheses become spaces before liquidjs
 * parses the template, so every line and column it reports stays where it was; quoted text, ranges
 * (`(1..3)`) and `{% raw %}` blocks are left as they are.
 */

const TAGS_AND_RAW =
  /\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}|(\{%-?\s*(?:if|elsif|unless)\s)((?:[^%"']|"[^"]*"|'[^']*'|%(?!\}))*)/g;
const QUOTED_OR_PAREN = /"[^"]*"|'[^']*'|\(\s*[^\s()]+?\s*\.\.\s*[^\s()]+?\s*\)|[()]/g;

export function laxConditions(template: string): string {
  if (!template.includes("(")) return template;
  return template.replace(TAGS_AND_RAW, (whole, tag: string | undefined, condition: string | undefined) =>
    tag === undefined || condition === undefined || !condition.includes("(")
      ? whole
      : tag + condition.replace(QUOTED_OR_PAREN, (part) => (part === "(" || part === ")" ? " " : part)),
  );
}
