/**
 * The other spellings of a served address that old links use, each answered with one 301: Jekyll's
 * files were reachable as `/post.html`, `/post` and `/post/` alike on the hosts that served them
 * (GitHub Pages, Netlify), and a folder's page as `/about/index.html`.
 */
import type { SiteReader } from "../store/site-reader.ts";

const HTML_EXTENSION = /\.html?$/i;

/** The served path an old spelling of `path` means, or null. `path` is canonical (decoded) and is not served itself. */
export async function servedSpelling(path: string, site: SiteReader): Promise<string | null> {
  for (const candidate of spellings(path)) if (await site.serves(candidate)) return candidate;
  return null;
}

function spellings(path: string): string[] {
  if (path.endsWith("/index.html")) return [path.slice(0, -"index.html".length)];
  if (HTML_EXTENSION.test(path)) return [`${path.replace(HTML_EXTENSION, "")}/`];
  if (path.endsWith("/")) {
    const bare = path.slice(0, -1);
    if (bare === "") return [];
    // `/post.html/` is the file itself; `/post/` may be the file Jekyll wrote as `post.html`.
    return HTML_EXTENSION.test(bare) ? [bare] : [`${bare}.html`];
  }
  return /\.[a-z0-9]{1,5}$/i.test(path) ? [] : [`${path}.html`];
}
