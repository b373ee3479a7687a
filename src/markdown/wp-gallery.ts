/**
 * WordPress's classic gallery markup (`<dl class='gallery-item'><dt class='gallery-icon'>…`) is not
 * valid HTML5: a `<dl>` needs a `<dd>`, and galleries without captions have none. WordPress itself
 * emits `<figure>`/`<div>`/`<figcaption>` instead once a theme declares HTML5 support; exports keep
 * the old form. This rewrites each gallery item to the HTML5 form, changing nothing else.
 */

const GALLERY_ITEM = /<dl(\s[^>]*?class=(["'])[^"']*\bgallery-item\b[^"']*\2[^>]*)>([\s\S]*?)<\/dl\s*>/gi;

export function modernizeGalleries(source: string): string {
  if (!source.includes("gallery-item")) return source;
  return source.replace(GALLERY_ITEM, (_whole, attrs: string, _q: string, inner: string) => {
    const body = inner
      .replace(/<dt(\s[^>]*)?>/gi, (_m, a: string | undefined) => `<div${a ?? ""}>`)
      .replace(/<\/dt\s*>/gi, "</div>")
      .replace(/<dd(\s[^>]*)?>/gi, (_m, a: string | undefined) => `<figcaption${a ?? ""}>`)
      .replace(/<\/dd\s*>/gi, "</figcaption>");
    return `<figure${attrs}>${body}</figure>`;
  });
}
