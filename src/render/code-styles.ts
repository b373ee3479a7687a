/**
 * Colours of highlighted code (highlight.js's token classes, added at publish time), light and dark
 * following the reader's setting like the rest of the theme. Every colour keeps a contrast of at least
 * 5:1 against the code background (WCAG 2.2 AA asks 4.5:1 for text).
 */
export const CODE_STYLES = `
:root{--hk:#c4211c;--hs:#0a3069;--hc:#5b636e;--hn:#0550ae;--hf:#6639ba;--hv:#953800;--ht:#116329;--hd:#82071e}
@media (prefers-color-scheme:dark){:root{--hk:#ff7b72;--hs:#a5d6ff;--hc:#9ba3ad;--hn:#79c0ff;--hf:#d2a8ff;--hv:#ffa657;--ht:#7ee787;--hd:#ffa198}}
.hljs-keyword,.hljs-selector-tag,.hljs-doctag,.hljs-template-tag,.hljs-type{color:var(--hk)}
.hljs-string,.hljs-regexp,.hljs-addition,.hljs-char,.hljs-meta .hljs-string{color:var(--hs)}
.hljs-comment,.hljs-quote{color:var(--hc);font-style:italic}
.hljs-number,.hljs-literal,.hljs-symbol,.hljs-bullet,.hljs-attr,.hljs-attribute,.hljs-selector-attr,.hljs-selector-class,.hljs-selector-id,.hljs-link{color:var(--hn)}
.hljs-title,.hljs-section{color:var(--hf)}
.hljs-built_in,.hljs-variable,.hljs-template-variable,.hljs-property,.hljs-selector-pseudo{color:var(--hv)}
.hljs-name,.hljs-meta{color:var(--ht)}
.hljs-deletion{color:var(--hd)}
.hljs-section,.hljs-strong{font-weight:700}.hljs-emphasis{font-style:italic}
`
  .replace(/\n/g, "")
  .trim();
