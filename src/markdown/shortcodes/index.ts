/**
 * WordPress shortcodes as marked extensions: a block tokenizer for shortcodes that start a line, an
 * inline one for those inside a paragraph, and a pass over raw HTML blocks (where Markdown tokenizers
 * never look) that skips `<pre>`, `<code>`, scripts and comments. Code spans and fenced code are left
 * alone because marked hands them to its code tokenizers before ours ever see their text.
 * Shortcodes not listed here are not matched, so they stay visible as text.
 */
import { Lexer, type MarkedExtension, type Tokens } from "marked";
import { type RenderData, renderDataOf } from "../render-data.ts";
import { captionFamily } from "./caption.ts";
import { codeFamily } from "./code.ts";
import { embedFamily } from "./embed.ts";
import type { RenderContext, ShortcodeFamily } from "./family.ts";
import { galleryFamily } from "./gallery.ts";
import { matchShortcode, type Shortcode, type ShortcodeSyntax } from "./parse.ts";

const FAMILIES: readonly ShortcodeFamily[] = [captionFamily, codeFamily, embedFamily, galleryFamily];

const FAMILY_OF = new Map<string, ShortcodeFamily>();
for (const family of FAMILIES) for (const name of Object.keys(family.names)) FAMILY_OF.set(name, family);
const SYNTAX: ShortcodeSyntax = new Map(FAMILIES.flatMap((f) => Object.entries(f.names)));

const NAMES = [...SYNTAX.keys()].join("|");
const CANDIDATE = `\\\\?\\[(?:${NAMES})(?=[\\s\\]=/\\\\])`;
// marked hands `start` the text from one character past a block's beginning, so a match at its very
// start would be mid-line; only shortcodes after a line break can open a block inside a paragraph.
const AFTER_LINE_BREAK = new RegExp(`\\n {0,3}${CANDIDATE}`, "i");
const ANYWHERE = new RegExp(`\\[?${CANDIDATE}`, "i");
const IN_HTML = new RegExp(CANDIDATE, "gi");
// `[[gallery]]` is WordPress's way of writing a shortcode as text: shown without the outer brackets.
const LITERAL = new RegExp(`^\\[(\\[(?:${NAMES})(?=[\\s\\]=/])[^\\]\\n]*\\])\\]`, "i");

interface ShortcodeToken extends Tokens.Generic {
  type: "shortcode";
  raw: string;
  shortcode: Shortcode;
  block: boolean;
}

function render(sc: Shortcode, ctx: RenderContext): string | null {
  return FAMILY_OF.get(sc.name)?.render(sc, ctx) ?? null;
}

export function shortcodes(): MarkedExtension {
  return {
    extensions: [
      {
        name: "shortcode",
        level: "block",
        start(src) {
          const m = AFTER_LINE_BREAK.exec(src);
          return m ? m.index + 1 : undefined;
        },
        tokenizer(src) {
          const indent = /^ {0,3}/.exec(src)?.[0].length ?? 0;
          const sc = matchShortcode(src.slice(indent), SYNTAX);
          if (!sc) return undefined;
          const end = indent + sc.length;
          const lineEnd = /^[ \t]*(?:\n|$)/.exec(src.slice(end))?.[0] ?? "";
          return { type: "shortcode", raw: src.slice(0, end) + lineEnd, shortcode: sc, block: true } satisfies ShortcodeToken;
        },
      },
      {
        name: "shortcode",
        level: "inline",
        start(src) {
          return ANYWHERE.exec(src)?.index;
        },
        tokenizer(src) {
          const literal = LITERAL.exec(src);
          if (literal?.[1]) return { type: "text", raw: literal[0], text: literal[1], escaped: false };
          const sc = matchShortcode(src, SYNTAX);
          if (!sc) return undefined;
          return { type: "shortcode", raw: src.slice(0, sc.length), shortcode: sc, block: false } satisfies ShortcodeToken;
        },
      },
      {
        name: "shortcode",
        renderer(token) {
          const { shortcode, block, raw } = token as ShortcodeToken;
          const ctx: RenderContext = {
            block,
            inline: (text) => this.parser.parseInline(Lexer.lexInline(text, this.parser.options)),
            data: renderDataOf(this.parser.options),
          };
          const html = render(shortcode, ctx);
          if (html !== null) return html;
          return block ? `<p>${escapeText(raw.trim())}</p>\n` : escapeText(raw);
        },
      },
    ],
    renderer: {
      html(token) {
        return token.block ? expandInHtml(token.text, renderDataOf(this.options)) : false;
      },
    },
  };
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// Inside these, a shortcode is text the author meant to show.
const PROTECTED = /<(pre|code|script|style|textarea)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;
/** Renders shortcodes in a raw HTML block; the HTML around them is kept byte for byte. */
export function expandInHtml(markup: string, data: RenderData): string {
  if (!IN_HTML.test(markup)) return markup;
  const ctx: RenderContext = { block: true, inline: (text) => text, data };
  let out = "";
  let last = 0;
  for (const m of markup.matchAll(PROTECTED)) {
    out += expandSegment(markup.slice(last, m.index), ctx) + m[0];
    last = m.index + m[0].length;
  }
  return out + expandSegment(markup.slice(last), ctx);
}

function expandSegment(segment: string, ctx: RenderContext): string {
  let out = "";
  let from = 0;
  IN_HTML.lastIndex = 0;
  for (let m = IN_HTML.exec(segment); m !== null; m = IN_HTML.exec(segment)) {
    const sc = matchShortcode(segment.slice(m.index), SYNTAX);
    const html = sc ? render(sc, ctx) : null;
    if (!sc || html === null) continue;
    out += segment.slice(from, m.index) + html;
    from = m.index + sc.length;
    IN_HTML.lastIndex = from;
  }
  return out + segment.slice(from);
}
