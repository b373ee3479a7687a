/**
 * Search: `/?s=term` (WordPress's address) and `/search/term/` (page N at `/search/term/page/N/`).
 * Reads the release pointer, the shard of each query word and the document chunks of one page of
 * results: a handful of small reads however many posts the blog has.
 */
import type { Context } from "hono";
import { DOCS_PER_CHUNK, docsKey } from "../build/search-index.ts";
import { respond } from "../http/respond.ts";
import type { SearchDoc, SearchShard } from "../model/page-models.ts";
import { nextBoundary, searchBlobAt } from "../model/release-lookup.ts";
import { renderSearchPage } from "../render/search-page.ts";
import { queryWords, rank, shardsFor } from "../search/query.ts";
import { readSearchBlob } from "../store/read.ts";
import { pageContext } from "./site-page.ts";
import type { AppEnv } from "./types.ts";

export const RESULTS_PER_PAGE = 10;
/** Longest query read; the rest is ignored. */
const MAX_QUERY = 200;

/** Query and page from `/search/<query>/[page/<n>/]`, or null when the path is not that. */
export function parseSearchPath(path: string): { query: string; page: number } | null {
  const m = /^\/search\/(?:(.*?)\/)?(?:page\/(\d+)\/)?$/.exec(path);
  if (!m) return null;
  return { query: m[1] ?? "", page: Number(m[2] ?? 1) };
}

export async function searchPage(c: Context<AppEnv>, query: string, page: number, path: string): Promise<Response> {
  const release = c.get("release");
  const now = c.get("now");
  const url = new URL(c.req.url);
  const q = query.slice(0, MAX_QUERY);
  const words = queryWords(q);

  const shards = new Map<string, SearchShard>();
  await Promise.all(
    shardsFor(words).map(async (key) => {
      const hash = searchBlobAt(release, key, now);
      if (hash !== undefined) shards.set(key, await readSearchBlob(c.env.BLOG, hash, "search-shard", c.get("kvTimeoutMs")));
    }),
  );
  const hits = rank(words, shards);
  const pages = Math.max(1, Math.ceil(hits.length / RESULTS_PER_PAGE));
  const shown = hits.slice((page - 1) * RESULTS_PER_PAGE, page * RESULTS_PER_PAGE);
  const docs = await documents(
    c,
    shown.map((h) => h.doc),
  );

  const body = renderSearchPage(pageContext(release, url, path), { query: q, words, docs, total: hits.length, page, pages });
  const status = page > pages || page < 1 || !Number.isInteger(page) ? 404 : 200;
  return respond(c.req.raw, body, {
    status,
    type: "text/html; charset=utf-8",
    policy: status === 200 ? "search" : "notFound",
    expiresAt: nextBoundary(release, now),
    now,
  });
}

async function documents(c: Context<AppEnv>, numbers: readonly number[]): Promise<SearchDoc[]> {
  const release = c.get("release");
  const now = c.get("now");
  const chunks = new Map<number, SearchDoc[]>();
  await Promise.all(
    [...new Set(numbers.map((n) => Math.floor(n / DOCS_PER_CHUNK)))].map(async (chunk) => {
      const hash = searchBlobAt(release, docsKey(chunk), now);
      if (hash !== undefined) chunks.set(chunk, (await readSearchBlob(c.env.BLOG, hash, "search-docs", c.get("kvTimeoutMs"))).docs);
    }),
  );
  const docs: SearchDoc[] = [];
  for (const n of numbers) {
    const doc = chunks.get(Math.floor(n / DOCS_PER_CHUNK))?.[n % DOCS_PER_CHUNK];
    if (doc !== undefined) docs.push(doc);
  }
  return docs;
}
