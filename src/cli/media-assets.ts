/**
 * Media files (images, PDFs, audio…, and a site's stylesheets, scripts, fonts and compiled Sass: every
 * file served as it is) are published as the Worker's static assets, not into KV: they
 * cost no KV writes, are served by Cloudflare without running the Worker (free, unmetered), and are
 * uploaded by `wrangler deploy`, which sends only the files that changed. Publishing copies them
 * from the content folder into the assets folder wrangler.toml names (`[assets] directory`), removes
 * files the content no longer has, and writes `_headers` so they carry the same security and caching
 * headers the Worker gives everything else.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import type { MediaFile } from "../content/content-files.ts";
import { CACHE_POLICY } from "../http/cache-policy.ts";
import { securityHeaderList } from "../http/security-headers.ts";
import { FAVICON_SVG } from "../render/favicon.ts";

export interface StagedMedia {
  copied: number;
  removed: number;
  unchanged: number;
}

/**
 * How many static-asset files one Worker version may have: 20,000 on the Workers Free plan, 100,000 on
 * Workers Paid (Cloudflare's platform limits). A deploy over the limit is refused by Cloudflare.
 */
export const ASSET_FILES_FREE = 20_000;
export const ASSET_FILES_PAID = 100_000;

/** What to say about a media count the plans cannot hold: an error above Paid's limit, a warning above Free's. */
export function assetCountVerdict(files: number): { error: string } | { warning: string } | null {
  const n = files.toLocaleString("en");
  if (files > ASSET_FILES_PAID)
    return { error: `${n} media files: a Worker may serve at most ${ASSET_FILES_PAID.toLocaleString("en")} static assets` };
  if (files > ASSET_FILES_FREE)
    return {
      warning: `${n} media files: the Workers Free plan serves at most ${ASSET_FILES_FREE.toLocaleString("en")} static assets a Worker (Workers Paid: ${ASSET_FILES_PAID.toLocaleString("en")})`,
    };
  return null;
}

/** Files wrangler reads from the assets folder itself, never published as content. */
export const HEADERS_FILE = "_headers";

/** A digest of the media's paths and bytes: two publishes with the same digest serve the same files. */
export function mediaDigest(media: readonly MediaFile[]): string {
  if (media.length === 0) return "";
  const hash = createHash("sha256");
  for (const file of [...media].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(`${file.path}\0${file.bytes.byteLength}\0`);
    hash.update(file.bytes);
  }
  return hash.digest("hex").slice(0, 32);
}

/**
 * The site's icon, as a static asset unless the content has its own: browsers ask for it on a reader's
 * first visit, and as an asset that request is free and never counts against the Worker's allowance.
 * (The Worker answers it too, for `/favicon.ico` and where no assets are deployed.)
 */
export const ICON_FILE = "favicon.svg";

/** Makes `dir` hold exactly the media files (and `_headers`, and the icon), touching only what changed. */
export async function stageMedia(media: readonly MediaFile[], dir: string): Promise<StagedMedia> {
  await mkdir(dir, { recursive: true });
  const wanted = new Map(media.map((f) => [f.path.normalize("NFC"), f.bytes]));
  const ownIcon = wanted.has(ICON_FILE);
  const staged: StagedMedia = { copied: 0, removed: 0, unchanged: 0 };
  for (const existing of await filesUnder(dir)) {
    if (existing === HEADERS_FILE || (existing === ICON_FILE && !ownIcon) || wanted.has(existing)) continue;
    await rm(join(dir, existing), { force: true });
    staged.removed++;
  }
  for (const [path, bytes] of wanted) {
    const target = join(dir, ...path.split("/"));
    const current = await readFile(target).catch(() => null);
    if (current !== null && Buffer.compare(current, bytes) === 0) {
      staged.unchanged++;
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
    staged.copied++;
  }
  await writeFile(join(dir, HEADERS_FILE), headersFile());
  if (!ownIcon) await writeFile(join(dir, ICON_FILE), FAVICON_SVG);
  return staged;
}

/**
 * `_headers` for every asset (Cloudflare's static-asset header rules): the security headers the Worker
 * sends with a file (a policy that runs nothing, even for an SVG opened directly) and the asset cache
 * policy. Static assets are served over HTTPS on Cloudflare, so the HTTPS form of the list applies.
 */
export function headersFile(): string {
  const lines = ["/*", `  Cache-Control: ${CACHE_POLICY.asset}`];
  for (const [name, value] of securityHeaderList("application/octet-stream", null, true)) lines.push(`  ${name}: ${value}`);
  return `${lines.join("\n")}\n`;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/").normalize("NFC"));
}
