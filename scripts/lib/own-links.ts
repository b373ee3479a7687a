/**
 * The real-content check's share for links inside the posts: every link on a published page that
 * points at the site itself (relative, root-relative, or absolute to the site's `url:` or an old
 * host of the blog, http or https, with or without www) must answer 200 after redirects. A broken
 * link whose target the source folder had (a media file, a post's or page's address, an old
 * address) is the engine's fault and fails; one to something the export never had is listed apart.
 */
import { type DefaultTreeAdapterMap, parseFragment } from "parse5";
import type { SiteBuild } from "../../src/compile/types.ts";
import type { ContentFiles } from "../../src/content/content-files.ts";
import type { Template } from "../../src/content/jekyll/templates.ts";
import { encodePath, requestPathKey } from "../../src/format/urls.ts";

type Node = DefaultTreeAdapterMap["node"];

/** Attributes that name another address, per element. */
const LINKS: Record<string, string[]> = {
  a: ["href"],
  area: ["href"],
  link: ["href"],
  img: ["src"],
  source: ["src"],
  video: ["src", "poster"],
  audio: ["src"],
  iframe: ["src"],
  embed: ["src"],
  script: ["src"],
};
/** A link to a file (an image, a download) rather than a page: its last segment has an extension pages do not use. */
const FILE = /\.(?!html?$|php$|aspx?$|jsp$)[a-z0-9]{1,5}$/i;
/** How many addresses are fetched at once. */
const PARALLEL = 8;
const MAX_HOPS = 5;

export interface PublishedPage {
  /** The page's address on this site (canonical, decoded). */
  path: string;
  /** The source file, for messages. */
  source: string;
  html: string;
}

export interface BrokenLink {
  source: string;
  href: string;
  /** The address on this site the link asks for. */
  target: string;
  status: number;
  kind: "page" | "media";
}

export interface LinkReport {
  links: number;
  targets: number;
  /** Broken links to something the source folder had: the engine broke them. */
  engine: BrokenLink[];
  /** Broken links to something the export never had (files left out, pages that never existed). */
  missing: BrokenLink[];
}

/** Hosts that are this blog: the `url:` in `_config.yml` and the hosts of WordPress guids, with and without www. */
export function ownHosts(build: SiteBuild): Set<string> {
  const hosts = new Set<string>();
  const add = (url: string | null | undefined) => {
    if (!url) return;
    try {
      const host = new URL(url).hostname.toLowerCase().replace(/^www\./, "");
      hosts.add(host);
      hosts.add(`www.${host}`);
    } catch {}
  };
  add(build.site.url);
  for (const post of build.entries) add(post.guid);
  return hosts;
}

/** Every address the source folder had: media files, posts' and pages' addresses (old ones too), templates' addresses. */
export function sourceAddresses(content: ContentFiles, build: SiteBuild, templates: readonly Template[]): Set<string> {
  const known = new Set<string>();
  for (const media of content.media) known.add(`/${media.path}`.normalize("NFC"));
  for (const post of build.entries) {
    known.add(post.permalink);
    if (post.jekyll) known.add(post.jekyll.url);
    for (const from of post.redirectFrom) known.add(from);
  }
  for (const from of build.redirects.keys()) known.add(from);
  for (const template of templates) known.add(template.path);
  // WordPress's query addresses for the ids the export names (`/?p=278`, `/?cat=3`).
  const query: Record<string, string> = { post: "p", category: "cat", tag: "tag_id", author: "author", attachment: "attachment_id" };
  for (const key of build.wordpressIds.keys()) {
    const [kind = "", id = ""] = key.split(":");
    if (query[kind]) known.add(`/?${query[kind]}=${id}`);
    if (kind === "post") known.add(`/?page_id=${id}`);
  }
  return known;
}

export async function checkOwnLinks(
  pages: readonly PublishedPage[],
  options: { fetch: (path: string) => Promise<Response>; hosts: ReadonlySet<string>; known: ReadonlySet<string> },
): Promise<LinkReport> {
  const uses = new Map<string, Array<{ source: string; href: string }>>();
  let links = 0;
  for (const page of pages) {
    const base = new URL(encodePath(page.path), "http://this.site");
    for (const href of linksIn(page.html)) {
      const target = ownTarget(href, base, options.hosts);
      if (target === null) continue;
      links++;
      uses.set(target, [...(uses.get(target) ?? []), { source: page.source, href }]);
    }
  }
  const statuses = new Map<string, number>();
  const queue = [...uses.keys()];
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let target = queue.shift(); target !== undefined; target = queue.shift()) {
        statuses.set(target, await finalStatus(target, options.fetch));
      }
    }),
  );
  const report: LinkReport = { links, targets: uses.size, engine: [], missing: [] };
  for (const [target, status] of statuses) {
    if (status === 200) continue;
    const url = new URL(target, "http://this.site");
    const path = requestPathKey(url.pathname) ?? target;
    const kind = FILE.test(path) ? "media" : "page";
    // A query address is the site's when it names what the export has (`/?p=278`), not merely because it is on `/`.
    const engine = url.search !== "" ? options.known.has(path + url.search) : options.known.has(path) || options.known.has(`${path}/`);
    for (const use of uses.get(target) ?? []) (engine ? report.engine : report.missing).push({ ...use, target, status, kind });
  }
  return report;
}

/** Every address an element of the page links to. */
function linksIn(html: string): string[] {
  const found: string[] = [];
  const visit = (node: Node) => {
    if (!("tagName" in node)) return;
    for (const name of LINKS[node.tagName] ?? []) {
      const value = node.attrs.find((a) => a.name === name)?.value.trim();
      if (value) found.push(value);
    }
    const children = node.tagName === "template" && "content" in node ? node.content.childNodes : node.childNodes;
    for (const child of children) visit(child);
  };
  for (const node of parseFragment(html).childNodes) visit(node);
  return found;
}

/** The path and query on this site a link asks for, or null when it points elsewhere (or nowhere: `#top`, `mailto:`). */
function ownTarget(href: string, base: URL, hosts: ReadonlySet<string>): string | null {
  if (href.startsWith("#")) return null;
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.host !== base.host && !hosts.has(url.hostname.toLowerCase())) return null;
  return url.pathname + url.search;
}

/** The status at the end of at most five redirects on this site. */
async function finalStatus(target: string, fetch: (path: string) => Promise<Response>): Promise<number> {
  let path = target;
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    const res = await fetch(path);
    await res.body?.cancel();
    const location = res.headers.get("Location");
    if (res.status < 300 || res.status >= 400 || location === null) return res.status;
    const next = new URL(location, "http://this.site");
    if (next.host !== "this.site" && !/^https?:$/.test(next.protocol)) return res.status;
    path = next.pathname + next.search;
  }
  return 310;
}

/** Prints the link report (each broken link by kind) and fails on links the engine broke. */
export function printLinkReport(report: LinkReport, fail: (message: string) => void, log: (line: string) => void = console.log): void {
  const count = (list: BrokenLink[], kind: BrokenLink["kind"]) => new Set(list.filter((b) => b.kind === kind).map((b) => b.target)).size;
  log(
    `own links: ${report.links} links to ${report.targets} addresses on this site; broken by the engine: ${report.engine.length}; ` +
      `to what the export does not have: ${count(report.missing, "media")} media files, ${count(report.missing, "page")} pages`,
  );
  for (const b of report.engine) fail(`${b.source}: link ${b.href} (${b.target}) answered ${b.status}, though the source folder has it`);
  for (const kind of ["media", "page"] as const) {
    const targets = [...new Set(report.missing.filter((b) => b.kind === kind).map((b) => b.target))].sort();
    for (const target of targets) {
      const from = [...new Set(report.missing.filter((b) => b.target === target).map((b) => b.source))];
      log(`  missing ${kind}: ${target} (linked from ${from.slice(0, 3).join(", ")}${from.length > 3 ? ", …" : ""})`);
    }
  }
}
