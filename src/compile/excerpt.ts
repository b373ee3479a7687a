/** The excerpt a list shows for a post, and the plain summary used in meta tags and feeds. */
import type { Post } from "../content/post.ts";
import { encodePath } from "../format/urls.ts";
import { MORE_ANCHOR } from "../markdown/more.ts";
import { balanceHtml, hasContent, htmlToText, leadingBlocks, trimWords } from "./html-text.ts";

/** WordPress's `excerpt_length`. */
const EXCERPT_WORDS = 55;
/** Search engines show about this much of a meta description. */
const DESCRIPTION_CHARS = 160;

export interface Excerpt {
  html: string;
  more: boolean;
  /** Plain text, at most about 55 words. */
  summary: string;
  /** Plain text for `<meta name="description">`, at most 160 characters. */
  description: string;
  /** The whole post as plain text, for the search index. */
  text: string;
}

/** `html`: the post's body as rendered, where `<!--more-->` became MORE_ANCHOR. */
export function excerptOf(post: Post, html: string): Excerpt {
  const fullText = htmlToText(html);
  const at = html.indexOf(MORE_ANCHOR);
  let teaser: string;
  let more: boolean;
  let summaryText: string;
  if (post.excerpt !== null) {
    // Authors' excerpts in WordPress exports may carry tags and entities; show their text.
    summaryText = htmlToText(post.excerpt);
    teaser = `<p>${escapeText(summaryText)}</p>`;
    more = true;
  } else if (at >= 0) {
    teaser = balanceHtml(html.slice(0, at), encodePath(post.permalink));
    summaryText = htmlToText(teaser);
    more = hasContent(html.slice(at + MORE_ANCHOR.length));
  } else {
    // The opening words, as WordPress takes them, but a code block stays a code block.
    const lead = leadingBlocks(html, EXCERPT_WORDS);
    teaser = lead.html;
    summaryText = htmlToText(teaser);
    more = lead.cut;
  }
  const summary = trimWords(summaryText || fullText, EXCERPT_WORDS).text;
  return { html: teaser, more, summary, description: truncateChars(summary, DESCRIPTION_CHARS), text: fullText };
}

function truncateChars(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.\u2026-]+$/, "")}\u2026`;
}

function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
