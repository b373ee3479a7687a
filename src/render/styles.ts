/**
 * The theme: system fonts, one column sized for reading, light and dark following the reader's
 * setting. Inlined into each page: one request fewer on a first visit, and it is small.
 */
import { ARTICLE_STYLES } from "./article-styles.ts";
import { CODE_STYLES } from "./code-styles.ts";

export const STYLES =
  `
:root{color-scheme:light dark;--bg:#fdfcfa;--fg:#1f2328;--muted:#5b636e;--accent:#0b5cad;--rule:#e4e2dd;--code:#f3f1ec;--max:42rem}
@media (prefers-color-scheme:dark){:root{--bg:#15171a;--fg:#e6e4df;--muted:#a3a9b2;--accent:#7cb7ff;--rule:#2c3036;--code:#1f2227}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.7 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;overflow-wrap:break-word}
a{color:var(--accent);text-underline-offset:.15em}
a:hover{text-decoration-thickness:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem;z-index:1}
.wrap{max-width:var(--max);margin:0 auto;padding:0 1.25rem}
header.site{border-bottom:1px solid var(--rule);padding:1.25rem 0 1rem;margin-bottom:2rem}
header.site .wrap{display:flex;flex-wrap:wrap;align-items:baseline;gap:.5rem 1.5rem}
.brand{font-weight:700;font-size:1.25rem;color:var(--fg);text-decoration:none}
.tagline{color:var(--muted);font-size:.9375rem;margin:0;flex-basis:100%}
nav.site-nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
nav.site-nav a{color:var(--muted);text-decoration:none}nav.site-nav a:hover,nav.site-nav a[aria-current]{color:var(--accent)}
nav.site-nav li{position:relative}nav.site-nav li ul{display:none;position:absolute;left:0;top:100%;z-index:2;flex-direction:column;min-width:12rem;padding:.5rem .75rem;background:var(--bg);border:1px solid var(--rule)}
nav.site-nav li:hover>ul,nav.site-nav li:focus-within>ul{display:flex}
main{min-height:60vh}
h1,h2,h3,h4{line-height:1.25;margin:1.75em 0 .5em}
h1{font-size:clamp(1.625rem,1.2rem + 2vw,2.125rem);margin-top:0}
.entry-title{font-size:1.5rem;margin:0 0 .25rem}
.entry-title a{color:var(--fg);text-decoration:none}.entry-title a:hover{color:var(--accent)}
.meta{color:var(--muted);font-size:.9375rem;margin:0 0 1rem}
.entry{margin:0 0 2.75rem}h1+.entry{margin-top:1.75rem}
.content img,.excerpt img{max-width:100%;height:auto}
.content iframe,.content video{max-width:100%}
.embed{margin:1.5rem 0}.embed iframe{display:block;width:100%;height:auto;aspect-ratio:16/9;border:0}
.embed-file video,.embed-file audio{display:block;width:100%}
.wp-caption{max-width:100%}.wp-caption img{display:block}span.wp-caption,span.wp-caption-text{display:block}
.wp-caption figcaption,.wp-caption-text{margin-top:.4rem}
.gallery{display:grid;grid-template-columns:repeat(3,1fr);gap:.75rem;margin:1.5rem 0}.gallery-item{margin:0}.gallery-item img{display:block;width:100%;aspect-ratio:1;object-fit:cover}
.gallery-columns-1{grid-template-columns:1fr}.gallery-columns-2{grid-template-columns:repeat(2,1fr)}.gallery-columns-4{grid-template-columns:repeat(4,1fr)}.gallery-columns-5{grid-template-columns:repeat(5,1fr)}.gallery-columns-6{grid-template-columns:repeat(6,1fr)}.gallery-columns-7{grid-template-columns:repeat(7,1fr)}.gallery-columns-8{grid-template-columns:repeat(8,1fr)}.gallery-columns-9{grid-template-columns:repeat(9,1fr)}
.featured-image{margin:0 0 1.5rem}.featured-image img{display:block;max-width:100%;height:auto}
.post-format{display:inline-block;margin-left:.5rem;padding:0 .4rem;border:1px solid var(--rule);border-radius:3px;font-size:.75rem;text-transform:uppercase;letter-spacing:.04em}
.archive-description{color:var(--muted)}
.comments,.pings{border-top:1px solid var(--rule);margin-top:2.5rem}.comment-list,.ping-list,.comment-list .children{list-style:none;padding:0}
.comment-list .children{margin-left:1.25rem;padding-left:1rem;border-left:2px solid var(--rule)}.comment{margin:1.25rem 0}
.comment-meta{color:var(--muted);font-size:.875rem}.comment-author{color:var(--fg)}.comment-date{color:var(--muted)}.comment-content p{margin:.4rem 0}
.wp-gallery-missing{color:var(--muted);font-style:italic;border-left:3px solid var(--rule);padding-left:1rem}
.content .alignleft,.content img[style*="float:left"],.excerpt img[style*="float:left"]{float:left;margin:.25rem 1.25rem .75rem 0}
.content .alignright{float:right;margin:.25rem 0 .75rem 1.25rem}
.content .aligncenter{display:block;margin-left:auto;margin-right:auto}
.content::after,.excerpt::after{content:"";display:table;clear:both}
blockquote{margin:1.5rem 0;padding:.25rem 0 .25rem 1.25rem;border-left:3px solid var(--rule);color:var(--muted)}
pre,code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.875em;background:var(--code);border-radius:4px}
code{padding:.1em .3em}pre{padding:1rem;overflow-x:auto;line-height:1.5}pre code{padding:0;background:none}
table{border-collapse:collapse;display:block;overflow-x:auto}td,th{border:1px solid var(--rule);padding:.4rem .6rem}
hr{border:0;border-top:1px solid var(--rule);margin:2rem 0}
figure{margin:1.5rem 0}figcaption{color:var(--muted);font-size:.875rem}
.more{font-weight:600}
.terms{color:var(--muted);font-size:.9375rem;margin:2rem 0 0}
.terms a{color:var(--muted)}
nav.pager{display:flex;justify-content:space-between;gap:1rem;border-top:1px solid var(--rule);padding:1.25rem 0;margin-top:2rem}
nav.pager .next{margin-left:auto;text-align:right}
nav.pager a{text-decoration:none;max-width:48%}nav.pager a:hover{text-decoration:underline}
nav.pager span{display:block;color:var(--muted);font-size:.8125rem;text-transform:uppercase;letter-spacing:.04em}
footer.site{border-top:1px solid var(--rule);margin-top:3rem;padding:1.5rem 0;color:var(--muted);font-size:.875rem}
footer.site a{color:var(--muted)}
@media (max-width:36rem){
.content .alignleft,.content .alignright,.content img[style*="float"],.excerpt .alignleft,.excerpt .alignright,.excerpt img[style*="float"]{float:none!important;display:block;margin:1rem auto}
.content [style*="justify"],.excerpt [style*="justify"]{text-align:left!important}
}
`
    .replace(/\n/g, "")
    .trim() +
  ARTICLE_STYLES +
  CODE_STYLES;
