/**
 * The parts of a post's page around its text: heading links (shown when pointed at or focused, and
 * always on touch screens, which cannot point), the table of contents, footnotes and related posts.
 */
export const ARTICLE_STYLES = `
.content .anchor{margin-left:.35em;color:var(--muted);opacity:0}
.content :is(h2,h3,h4,h5,h6):hover .anchor,.content .anchor:focus{opacity:1}
@media (hover:none){.content .anchor{opacity:1}}
:target{scroll-margin-top:1rem}
.toc{margin:0 0 1.75rem;padding:.6rem 1rem;border:1px solid var(--rule);border-radius:4px;font-size:.9375rem}
.toc summary{font-weight:600;cursor:pointer}
.toc ol{margin:.4rem 0 0;padding-left:1.25rem}.toc ol ol{margin:0}
sup{line-height:0}[data-footnote-ref]{padding:0 .1em}
.footnotes{border-top:1px solid var(--rule);margin-top:2.5rem;font-size:.9375rem}
.related{margin-top:2rem}.related h2{font-size:1.125rem;margin:0 0 .5rem}
.related ul{margin:0;padding-left:1.25rem}.related li{margin:.3rem 0}
.related time{color:var(--muted);font-size:.875rem;white-space:nowrap}
`
  .replace(/\n/g, "")
  .trim();
