/**
 * Repairs two things WordPress exports do to raw HTML that readers would otherwise lose:
 *
 * - Placeholders written as tags: "wpa-ssid <ssid>" was `&lt;ssid&gt;` in WordPress but arrives as a
 *   bare `<ssid>`, which a browser treats as an unknown element and hides. Tags with names no browser
 *   knows are shown as text again. Custom elements (with a dash) are left alone.
 * - Heading levels: posts written under WordPress's `<h1>` title often start at `<h3>`, sometimes
 *   with a stray `<h1>`. The body's levels are renumbered to sit under the page's own `<h1>` with no
 *   gaps in the outline.
 */
import type { Token, Tokens } from "marked";
import { KNOWN_ELEMENTS } from "./html-elements.ts";

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9_.-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?)>/g;
const RAW_TEXT = /(<(script|style|textarea)\b[\s\S]*?<\/\2\s*>)/gi;
const HEADING_TAG = /<(\/?)h([1-6])(?=[\s>/])/gi;

/** Escapes or drops tags no browser would show; leaves script/style/textarea content untouched. */
export function fixUnknownTags(html: string): string {
  return html
    .split(RAW_TEXT)
    .map((part, i) => (i % 3 === 0 ? part.replace(TAG, replaceTag) : i % 3 === 1 ? part : ""))
    .join("");
}

function replaceTag(whole: string, _slash: string, name: string): string {
  const lower = name.toLowerCase();
  if (KNOWN_ELEMENTS.has(lower) || lower.includes("-")) return whole;
  return whole.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Every heading level used in a token tree, Markdown or raw HTML. */
function headingLevels(tokens: readonly Token[]): Set<number> {
  const levels = new Set<number>();
  visitTokens(tokens, (token) => {
    if (token.type === "heading") levels.add((token as Tokens.Heading).depth);
    else if (token.type === "html") {
      for (const m of (token as Tokens.HTML).text.matchAll(HEADING_TAG)) if (m[1] === "") levels.add(Number(m[2]));
    }
  });
  return levels;
}

/**
 * Renumbers heading levels in place: the levels a body uses, in order, become 2, 3, 4… So a body of
 * h3 sections with one stray h1 reads as h2 sections under the page title, with no gaps.
 */
export function normalizeHeadings(tokens: Token[]): void {
  const used = [...headingLevels(tokens)].sort((a, b) => a - b);
  const map = new Map(used.map((level, i) => [level, Math.min(6, 2 + i)]));
  if (used.every((level) => map.get(level) === level)) return;
  const to = (level: number) => map.get(level) ?? level;
  visitTokens(tokens, (token) => {
    if (token.type === "heading") (token as Tokens.Heading).depth = to((token as Tokens.Heading).depth);
    else if (token.type === "html") {
      const t = token as Tokens.HTML;
      t.text = t.text.replace(HEADING_TAG, (_m, slash: string, level: string) => `<${slash}h${to(Number(level))}`);
    }
  });
}

function visitTokens(tokens: readonly Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token);
    const children = (token as { tokens?: Token[] }).tokens;
    if (children) visitTokens(children, visit);
    if (token.type === "list") for (const item of (token as Tokens.List).items) visitTokens(item.tokens, visit);
  }
}
