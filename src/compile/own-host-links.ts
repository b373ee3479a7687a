/**
 * Links to the blog's own old host, written root-relative when the site is published. A moved blog's
 * posts link their images and each other absolutely (`https://www.old.example/wp-content/uploads/…`,
 * as WordPress writes every link); served as written, a local preview or a workers.dev address would
 * show the old host's files, or nothing once it is gone. The site's own addresses are the hosts of its
 * `url:`, in http and https, with and without `www.` (WordPress exports mix them); a Jekyll site's
 * `baseurl` is taken off, since the site is served from its root. Other hosts stay as written.
 */

export interface OwnSite {
  /** Host names (port included when not the default) without a leading `www.`, lower case. */
  hosts: ReadonlySet<string>;
  /** `/blog`, or "" when the site had no baseurl. */
  baseurl: string;
}

export function ownSite(urls: ReadonlyArray<string | null | undefined>, baseurl: string): OwnSite {
  const hosts = new Set<string>();
  for (const url of urls) {
    if (!url) continue;
    try {
      const parsed = new URL(url);
      if (/^https?:$/.test(parsed.protocol)) hosts.add(bare(parsed.host));
    } catch {
      // Not an address: no host to add.
    }
  }
  return { hosts, baseurl: baseurl.replace(/\/+$/, "") };
}

/**
 * Scripts, styles, textareas and comments are text, never links; any other tag may carry one. Inside
 * `<pre>` and `<code>`, markup the author shows is escaped (`&lt;a`), so the tags found there are real.
 */
const TAG = /<(script|style|textarea)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<[a-z][a-z0-9-]*\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
/** The attributes that hold addresses: one (href, src, poster), a list (srcset), or CSS (style). */
const ATTRIBUTE = /(\s)(href|src|poster|srcset|style)(\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
/** An absolute or scheme-relative http(s) address at the start of a value: its host, then the rest. */
const ABSOLUTE = /^(?:https?:)?\/\/([^/?#\s"'\\]+)([^\s]*)$/i;
/** Addresses in a srcset (each before its descriptor) and in CSS `url(…)` (quoted with entities or not). */
const IN_SRCSET = /(^|,)(\s*)([^\s,]+)/g;
const IN_CSS = /(url\(\s*(?:&quot;|&#0*39;|&apos;|["'])?)((?:https?:)?\/\/[^\s"'()&]+(?:&amp;[^\s"'()&]+)*)/gi;

export function rootRelativeLinks(html: string, own: OwnSite): string {
  if (own.hosts.size === 0 || !mentionsHost(html, own)) return html;
  return html.replace(TAG, (tag) => {
    if (!/^<[a-z]/i.test(tag) || /^<(script|style|textarea)\b/i.test(tag)) return tag;
    return tag.replace(ATTRIBUTE, (whole, space: string, name: string, equals: string, dq?: string, sq?: string, bare?: string) => {
      const value = dq ?? sq ?? bare ?? "";
      const lower = name.toLowerCase();
      const rewritten =
        lower === "srcset"
          ? value.replace(IN_SRCSET, (_m, comma: string, gap: string, url: string) => comma + gap + sitePath(url, own))
          : lower === "style"
            ? value.replace(IN_CSS, (_m, opening: string, url: string) => opening + sitePath(url, own))
            : sitePath(value, own);
      if (rewritten === value) return whole;
      const quote = dq !== undefined ? '"' : sq !== undefined ? "'" : "";
      return `${space}${name}${equals}${quote}${rewritten}${quote}`;
    });
  });
}

/** Whether a host of the site appears anywhere in `html` (any case): an address on it must spell it out, so a page without one needs no scan. */
function mentionsHost(html: string, own: OwnSite): boolean {
  for (const host of own.hosts) if (html.includes(host)) return true;
  let anyCase = spelled.get(own.hosts);
  if (anyCase === undefined) {
    anyCase = new RegExp([...own.hosts].map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "i");
    spelled.set(own.hosts, anyCase);
  }
  return anyCase.test(html);
}
const spelled = new WeakMap<ReadonlySet<string>, RegExp>();

/** Whether an absolute address is on the site's own old host. */
export function isOwnAddress(address: string, own: OwnSite): boolean {
  const m = ABSOLUTE.exec(address.trim());
  return m?.[1] !== undefined && own.hosts.has(bare(m[1]));
}

/** The address as a root-relative path when it is on the site's own host, else as it was. */
function sitePath(address: string, own: OwnSite): string {
  const m = ABSOLUTE.exec(address.trim());
  if (!m?.[1] || !own.hosts.has(bare(m[1]))) return address;
  let rest = m[2] ?? "";
  if (!rest.startsWith("/")) rest = `/${rest}`;
  const base = own.baseurl;
  if (base !== "" && rest.startsWith(base) && /^(?:[/?#]|$)/.test(rest.slice(base.length))) {
    rest = rest.slice(base.length);
    if (!rest.startsWith("/")) rest = `/${rest}`;
  }
  return rest;
}

/** `WWW.Blog.Example:443` → `blog.example`: the same site in either spelling and either scheme's default port. */
function bare(host: string): string {
  return host
    .toLowerCase()
    .replace(/^www\./, "")
    .replace(/:(?:80|443)$/, "");
}
