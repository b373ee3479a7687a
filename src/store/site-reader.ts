/**
 * The live release as one request sees it: what is served at a key at the request's moment, read from
 * the key's bucket (one KV read, shared by every lookup of the request and kept in the isolate for the
 * next ones). Routes ask this; how the release is laid out in KV stays here and in keys.ts.
 */
import type { PageModel, SearchDoc, SearchDocs, SearchShard } from "../model/page-models.ts";
import type { Answer, Release, View } from "../model/release.ts";
import { answerAt, nextBoundary } from "../model/release-lookup.ts";
import type { ThemeModel, ThemeTemplates } from "../model/theme.ts";
import { type WordpressIdKind, wordpressIdKey } from "../model/wordpress-ids.ts";
import { chunkOf, DOCS_PER_CHUNK, docsKey } from "../search/layout.ts";
import type { BucketCache } from "./bucket-cache.ts";
import { type Bucket, modelText } from "./bucket-format.ts";
import { idKey, searchValueKey, THEME_KEY, valueHolding } from "./bucket-key.ts";
import { type KvReader, readBucket, StoreUnavailable } from "./read.ts";
import { isSplit, joinTheme, type StoredTheme, themeTemplatesKey } from "./theme-values.ts";

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
  /** Whether a page is served at a canonical path now. */
  serves(path: string): Promise<boolean>;
  /** The canonical path an old address (redirect_from, Blogger paths, page 1 of a list) leads to now, or null. */
  movedTo(path: string): Promise<string | null>;
  /** The path a WordPress id leads to (`?p=`, `?cat=`, …), if that is served now. */
  wordpressId(kind: WordpressIdKind, id: string): Promise<string | null>;
  searchShard(key: string): Promise<SearchShard | null>;
  /** The site's own theme, or null when its pages are drawn by the built-in one. */
  theme(): Promise<ThemeModel | null>;
  /** Search documents by number, in the order asked; numbers with no document are left out. */
  searchDocs(numbers: readonly number[]): Promise<SearchDoc[]>;
}

const MODEL_KIND: Record<View, PageModel["kind"]> = {
  post: "post",
  list: "list",
  rss: "feed",
  atom: "feed",
  json: "feed",
  sitemap: "sitemap",
};

const parsedThemes = new WeakMap<Bucket, Map<number, ThemeModel>>();
/** Templates read, by content id: a save that changed only `site` data reads and parses none again. A few are kept (sites, rollbacks). */
const parsedTemplates = new Map<string, ThemeTemplates>();
const KEPT_TEMPLATES = 4;

export function siteReader(kv: KvReader, release: Release, now: number, timeoutMs: number, cache: BucketCache | null): SiteReader {
  // One read per bucket per request, whatever the lookups.
  const reads = new Map<string, Promise<Bucket>>();
  const bucket = (hash: string): Promise<Bucket> => {
    const held = cache?.get(hash);
    if (held !== undefined) return Promise.resolve(held);
    let reading = reads.get(hash);
    if (reading === undefined) {
      reading = readBucket(kv, hash, timeoutMs).then((b) => {
        cache?.set(hash, b);
        return b;
      });
      reads.set(hash, reading);
    }
    return reading;
  };
  const lookup = async (key: string): Promise<{ answer: Answer; bucket: Bucket } | null> => {
    const hash = valueHolding(release, key);
    if (hash === undefined) return null;
    const b = await bucket(hash);
    const answer = answerAt(b.header.k[key], now);
    return answer === undefined ? null : { answer, bucket: b };
  };
  const model = <T>(found: { answer: Answer; bucket: Bucket }, kind: string): T => {
    const [, , index] = found.answer;
    let value: unknown;
    try {
      value = JSON.parse(modelText(found.bucket, index as number));
    } catch (cause) {
      throw new StoreUnavailable(`a ${kind} model of release ${release.id} is unreadable`, { cause });
    }
    if (typeof value !== "object" || value === null || (value as { kind?: unknown }).kind !== kind) {
      throw new StoreUnavailable(`a value of release ${release.id} is not the ${kind} model it should be`);
    }
    return value as T;
  };
  const redirect = async (key: string): Promise<string | null> => {
    const found = await lookup(key);
    return found?.answer[1] === "redirect" ? found.answer[2] : null;
  };
  const search = async <T>(key: string, kind: "search-shard" | "search-docs"): Promise<T | null> => {
    const found = await lookup(searchValueKey(key));
    return found === null || found.answer[1] !== "search" ? null : model<T>(found, kind);
  };
  const templates = async (id: string): Promise<ThemeTemplates> => {
    let held = parsedTemplates.get(id);
    if (held === undefined) {
      const found = await lookup(themeTemplatesKey(id));
      if (found === null || found.answer[1] !== "theme") throw new StoreUnavailable(`release ${release.id} lacks its theme's templates`);
      held = model<ThemeTemplates>(found, "theme-templates");
      for (const old of parsedTemplates.keys()) {
        if (parsedTemplates.size < KEPT_TEMPLATES) break;
        parsedTemplates.delete(old);
      }
    } else parsedTemplates.delete(id);
    parsedTemplates.set(id, held);
    return held;
  };
  return {
    release,
    now,
    expiresAt: nextBoundary(release, now),
    async page(path) {
      const found = await lookup(path);
      if (found === null) return null;
      const view = found.answer[1];
      if (view === "redirect" || view === "gone" || view === "search" || view === "theme") return null;
      return { view, model: model<PageModel>(found, MODEL_KIND[view]) };
    },
    async serves(path) {
      const view = (await lookup(path))?.answer[1];
      return view !== undefined && view !== "redirect" && view !== "search" && view !== "theme";
    },
    movedTo: redirect,
    wordpressId: (kind, id) => redirect(idKey(wordpressIdKey(kind, id))),
    searchShard: (key) => search<SearchShard>(key, "search-shard"),
    async theme() {
      const found = await lookup(THEME_KEY);
      if (found === null || found.answer[1] !== "theme") return null;
      // The theme holds the site's list of posts: parsed once per bucket the isolate keeps, not per page.
      const held = parsedThemes.get(found.bucket)?.get(found.answer[2]);
      if (held !== undefined) return held;
      const value = model<ThemeModel | StoredTheme>(found, "theme");
      const theme = isSplit(value) ? joinTheme(value, await templates(value.templates)) : value;
      const byIndex = parsedThemes.get(found.bucket) ?? new Map<number, ThemeModel>();
      parsedThemes.set(found.bucket, byIndex.set(found.answer[2], theme));
      return theme;
    },
    async searchDocs(numbers) {
      const chunks = new Map<number, SearchDoc[]>();
      await Promise.all(
        [...new Set(numbers.map(chunkOf))].map(async (chunk) => {
          const docs = await search<SearchDocs>(docsKey(chunk), "search-docs");
          if (docs !== null) chunks.set(chunk, docs.docs);
        }),
      );
      return numbers.flatMap((n) => {
        const doc = chunks.get(chunkOf(n))?.[n % DOCS_PER_CHUNK];
        return doc === undefined ? [] : [doc];
      });
    },
  };
}
