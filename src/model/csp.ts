/**
 * What a page's Content-Security-Policy must allow beyond the engine's own baseline: worked out by the
 * publisher from the page's rendered HTML and the author's allowances, stored in the page model, and
 * turned into a header by the Worker without parsing any HTML on a request.
 */

/** Directives an author's content or allowances can widen. */
export const CSP_DIRECTIVES = [
  "script-src",
  "style-src",
  "img-src",
  "media-src",
  "frame-src",
  "font-src",
  "connect-src",
  "object-src",
  "form-action",
] as const;

export type CspDirective = (typeof CSP_DIRECTIVES)[number];

export interface PageCsp {
  /** `'sha256-…'` of every inline `<script>` the page carries. */
  scripts: string[];
  /** `'sha256-…'` of inline event handlers and `javascript:` URLs (allowed only with 'unsafe-hashes'). */
  handlers: string[];
  /** Extra sources per directive: origins of embeds in the content, and the author's allowances. */
  sources: Partial<Record<CspDirective, string[]>>;
}
