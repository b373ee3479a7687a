/**
 * The real-content check's share for a site's own theme files: every stylesheet and script its
 * layouts and includes load from the site itself (`{{ site.url }}/static/css/main.css`,
 * `{{ "/assets/main.css" | relative_url }}`), which Jekyll's pages load, must answer 200 with a CSS
 * or JavaScript media type. Sass is compiled when publishing, so a `.css` a `.scss` becomes counts.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { encodePath } from "../../src/format/urls.ts";

const STYLESHEET = /<link\b[^>]*\brel=["']?stylesheet\b[^>]*>/gi;
const SCRIPT = /<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*>/gi;
const HREF = /\bhref=["']([^"']+)["']/i;
/** The Liquid a theme puts before a path on its own site: the site's URL or base URL. */
const SITE_PREFIX = /^\{\{-?\s*site\.(?:url|baseurl)\s*-?\}\}/g;
/** `{{ "/path" | relative_url }}` and the like: the quoted path. */
const URL_FILTER = /^\{\{-?\s*["']([^"']+)["']\s*\|\s*(?:relative_url|absolute_url|prepend:\s*site\.(?:url|baseurl))\s*-?\}\}$/;

export interface ThemeFile {
  /** The layout or include that loads it. */
  source: string;
  path: string;
  kind: "stylesheet" | "script";
}

/** The site's own stylesheets and scripts its theme loads, by path on the site; `hosts` are the site's own. */
export async function themeFiles(dir: string, hosts: ReadonlySet<string>): Promise<ThemeFile[]> {
  const found = new Map<string, ThemeFile>();
  for (const folder of ["_layouts", "_includes"]) {
    const entries = await readdir(join(dir, folder), { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries.filter((e) => e.isFile() && /\.html?$/i.test(e.name))) {
      const source = join(entry.parentPath, entry.name).slice(dir.length + 1);
      const text = await readFile(join(entry.parentPath, entry.name), "utf8");
      const links = [
        ...[...text.matchAll(STYLESHEET)].map((m) => ["stylesheet", HREF.exec(m[0])?.[1] ?? ""] as const),
        ...[...text.matchAll(SCRIPT)].map((m) => ["script", m[1] ?? ""] as const),
      ];
      for (const [kind, href] of links) {
        const path = sitePath(href, hosts);
        if (path !== null && !found.has(path)) found.set(path, { source, path, kind });
      }
    }
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The path on this site a theme's link names, or null for another host or Liquid we cannot read. */
function sitePath(href: string, hosts: ReadonlySet<string>): string | null {
  const filtered = URL_FILTER.exec(href.trim())?.[1];
  const plain = filtered ?? href.trim().replace(SITE_PREFIX, "");
  if (/\{[{%]/.test(plain) || plain === "") return null;
  if (/^(?:[a-z]+:)?\/\//i.test(plain)) {
    const url = new URL(plain, "https://site.invalid");
    return hosts.has(url.hostname.toLowerCase()) ? url.pathname : null;
  }
  return plain.startsWith("/") ? (plain.split(/[?#]/)[0] ?? null) : null;
}

/** Fetches each: 200 and the media type of its kind, else a failure naming the layout that loads it. */
export async function checkThemeFiles(
  files: readonly ThemeFile[],
  fetch: (path: string) => Promise<Response>,
  fail: (message: string) => void,
): Promise<string> {
  let ok = 0;
  for (const file of files) {
    const res = await fetch(encodePath(file.path));
    await res.arrayBuffer();
    const type = res.headers.get("Content-Type") ?? "";
    const expected = file.kind === "stylesheet" ? /^text\/css\b/ : /^(?:text|application)\/javascript\b/;
    if (res.status !== 200) fail(`${file.source}: the ${file.kind} ${file.path} answered ${res.status}`);
    else if (!expected.test(type)) fail(`${file.source}: the ${file.kind} ${file.path} is served as ${JSON.stringify(type)}`);
    else ok++;
  }
  return `theme files: ${ok}/${files.length} stylesheets and scripts the site's layouts load answered 200 with their media type`;
}
