/**
 * Search: `/?s=term` (WordPress's address) and `/search/term/` (page N at `/search/term/page/N/`).
 * Reads the shard of each query word and the document chunks of one page of results: a handful of
 * small reads however many posts the blog has.
 */
import { HTML, type Reply } from "../http/reply.ts";
import type { SearchShard } from "../model/page-models.ts";
import { highlightHtml } from "../search/excerpt.ts";
import { queryWords, rank, shardsFor } from "../search/query.ts";
import { searchPageInput } from "../theme/built-in-page.ts";
import { pageContext, type SiteRequest } from "./site-request.ts";
import { bundledTheme, drawEnginePage, themeOf } from "./theme-drawing.ts";
import { engineThemed, themedPage } from "./themed-page.ts";

export const RESULTS_PER_PAGE = 10;
/** Longest query read; the rest is ignored. */
const MAX_QUERY = 200;

/** Query and page from `/search/<query>/[page/<n>/]`, or null when the path is not that. */
export function parseSearchPath(path: string): { query: string; page: number } | null {
  const m = /^\/search\/(?:(.*?)\/)?(?:page\/(\d+)\/)?$/.exec(path);
  if (!m) return null;
  return { query: m[1] ?? "", page: Number(m[2] ?? 1) };
}

export async function searchReply(req: SiteRequest, query: string, page: number, path: string): Promise<Reply> {
  const q = query.slice(0, MAX_QUERY);
  const words = queryWords(q);
  const shards = new Map<string, SearchShard>();
  await Promise.all(
    shardsFor(words).map(async (key) => {
      const shard = await req.site.searchShard(key);
      if (shard !== null) shards.set(key, shard);
    }),
  );
  const hits = rank(words, shards);
  const pages = Math.max(1, Math.ceil(hits.length / RESULTS_PER_PAGE));
  const shown = hits.slice((page - 1) * RESULTS_PER_PAGE, page * RESULTS_PER_PAGE);
  const docs = await req.site.searchDocs(shown.map((h) => h.doc));
  const ctx = pageContext(req, path);
  const shownDocs = docs.map((doc) => ({ ...doc, excerptHtml: highlightHtml(doc.text, words) }));
  const input = searchPageInput(ctx, { query: q, docs: shownDocs, total: hits.length, page, pages });
  const found = page >= 1 && page <= pages && Number.isInteger(page);
  const answer = { status: found ? 200 : 404, policy: found ? ("search" as const) : ("notFound" as const) };
  const stored = await req.site.theme();
  if (stored === null) {
    const body = drawEnginePage(bundledTheme(), ctx, req.url.origin, input);
    return { ...answer, type: HTML, body, expiresAt: req.site.expiresAt };
  }
  const theme = themeOf(stored);
  return { ...themedPage(req, ctx, theme, engineThemed(theme, ctx, req.url.origin, input), undefined), ...answer };
}
