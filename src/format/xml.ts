/** Text made safe for XML 1.0: escaped, and stripped of characters XML cannot carry at all. */

// XML 1.0 allows tab, LF, CR and everything from U+0020 except the surrogates and U+FFFE/U+FFFF.
// WordPress content sometimes carries stray control characters; one would make the whole feed unreadable.
const INVALID_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlSafe(text: string): string {
  return text.replace(INVALID_XML, "");
}

export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** Wraps markup in CDATA; a `]]>` inside is split across two sections so it cannot end the first early. */
export function cdata(markup: string): string {
  return `<![CDATA[${xmlSafe(markup).replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
}

/** Makes root-relative links and image sources absolute: feed readers show content away from the site. */
export function absolutizeLinks(markup: string, origin: string): string {
  const base = origin.replace(/\/+$/, "");
  return markup.replace(/(\s(?:href|src)\s*=\s*["'])\/(?!\/)/gi, `$1${base}/`);
}
