/**
 * The live release as one request sees it: what is served at a path at the request's moment, and
 * the values behind it, read from KV only when the request needs them. Routes ask this; how the
 * release is laid out in KV stays here and in keys.ts.
 */
import type { PageModel, SearchDoc, SearchShard } from "../model/page-models.ts";
import type { Release, View } from "../model/release.ts";
import { nextBoundary, routeAt, searchBlobAt } from "../model/release-lookup.ts";
import { type WordpressIdKind, wordpressIdKey } from "../model/wordpress-ids.ts";
import { chunkOf, DOCS_PER_CHUNK, docsKey } from "../search/layout.ts";
import { type KvReader, readModel, readSearchBlob } from "./read.ts";

export interface SitePage {
  view: View;
  model: PageModel;
}

export interface SiteReader {
  readonly release: Release;
  /** The request's moment, epoch ms: decides which scheduled posts are out. */
  readonly now: number;
  /** The next moment any answer changes (a scheduled post comes out), or null. */
  readonly expiresAt: number | null;
  /** What is served at a canonical path now, or null. */
  page(path: string): Promise<SitePage | null>;
  /** Whether anything is served at a canonical path now, without reading it. */
  serves(path: string): Promise<boolean>;
  /** The canonical path an old address (redirect_from, Blogger paths) leads to, if that is served now. */
  movedTo(path: string): Promise<string | null>;
  /** The path a WordPress id leads to (`?p=`, `?cat=`, …), if that is served now. */
  wordpressId(kind: WordpressIdKind, id: string): Promise<string | null>;
  searchShard(key: string): Promise<SearchShard | null>;
  /** Search documents by number, in the order asked; numbers with no document are left out. */
  searchDocs(numbers: readonly number[]): Promise<SearchDoc[]>;
}

export function siteReader(kv: KvReader, release: Release, now: number, timeoutMs: number): SiteReader {
  const live = (path: string | undefined) => (path !== undefined && routeAt(release, path, now) !== undefined ? path : null);
  return {
    release,
    now,
    expiresAt: nextBoundary(release, now),
    async page(path) {
      const route = routeAt(release, path, now);
      if (route === undefined) return null;
      const [view, hash] = route;
      return { view, model: await readModel(kv, view, hash, timeoutMs) };
    },
    async serves(path) {
      return routeAt(release, path, now) !== undefined;
    },
    async movedTo(path) {
      return live(release.redirects[path]);
    },
    async wordpressId(kind, id) {
      return live(release.ids[wordpressIdKey(kind, id)]);
    },
    async searchShard(key) {
      const hash = searchBlobAt(release, key, now);
      return hash === undefined ? null : readSearchBlob(kv, hash, "search-shard", timeoutMs);
    },
    async searchDocs(numbers) {
      const chunks = new Map<number, SearchDoc[]>();
      await Promise.all(
        [...new Set(numbers.map(chunkOf))].map(async (chunk) => {
          const hash = searchBlobAt(release, docsKey(chunk), now);
          if (hash !== undefined) chunks.set(chunk, (await readSearchBlob(kv, hash, "search-docs", timeoutMs)).docs);
        }),
      );
      return numbers.flatMap((n) => {
        const doc = chunks.get(chunkOf(n))?.[n % DOCS_PER_CHUNK];
        return doc === undefined ? [] : [doc];
      });
    },
  };
}
