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
  const spelled = spellings(own);
  // What a tag is depends on everything before it, so tags are found from the start; but a tag that
  // begins after the host's last spelling cannot hold an address on it, nor can one that does not
  // spell it (sitePath needs the host, in any case, in the address): the rest of a page (a theme's
  // related-posts list, its scripts) is copied as it stands.
  const last = lastIndexOf(html, spelled.everywhere);
  let out = "";
  let copied = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m !== null && m.index <= last; m = TAG.exec(html)) {
    const tag = m[0];
    if (!spelled.once.test(tag)) continue;
    const rewritten = tagLinks(tag, own);
    if (rewritten === tag) continue;
    out += html.slice(copied, m.index) + rewritten;
    copied = m.index + tag.length;
  }
  return copied === 0 ? html : out + html.slice(copied);
}

/** One tag with its attributes' addresses on the site's own host made root-relative. */
function tagLinks(tag: string, own: OwnSite): string {
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
}

/** Whether a host of the site appears anywhere in `html` (any case): an address on it must spell it out, so a page without one needs no scan. */
function mentionsHost(html: string, own: OwnSite): boolean {
  for (const host of own.hosts) if (html.includes(host)) return true;
  return spellings(own).anyCase.test(html);
}

interface Spellings {
  /** The hosts in any case, as a page without them is told apart. */
  anyCase: RegExp;
  /**
   * The hosts as `bare` reads them: any case, and `K` for `k` as well (the Kelvin sign, the one
   * letter outside ASCII that lower-cases to an ASCII one). `once` tests a tag, `everywhere` finds
   * the last spelling in a page.
   */
  once: RegExp;
  everywhere: RegExp;
}

/** Per isolate, by the hosts' names: a request builds its OwnSite anew, the patterns need not be. */
const spelledBy = new Map<string, Spellings>();

function spellings(own: OwnSite): Spellings {
  const key = [...own.hosts].join(" ");
  let found = spelledBy.get(key);
  if (found === undefined) {
    const hosts = [...own.hosts].map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const lowered = hosts.map((h) => h.replace(/k/g, "[k\\u212a]")).join("|");
    found = { anyCase: new RegExp(hosts.join("|"), "i"), once: new RegExp(lowered, "i"), everywhere: new RegExp(lowered, "gi") };
    if (spelledBy.size >= 64) spelledBy.clear();
    spelledBy.set(key, found);
  }
  return found;
}

/** Where the last match of a global pattern starts in `text`, or -1. */
function lastIndexOf(text: string, pattern: RegExp): number {
  let last = -1;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) last = m.index;
  return last;
}

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
