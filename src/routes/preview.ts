/**
 * `/_preview/<id>.<signature>`: one shared draft, as it will look on the site, for whoever has the
 * link. Never kept by any cache (the render caches are bypassed, browsers and Cloudflare are told
 * `private, no-store`), never indexed (`noindex` in the page and in X-Robots-Tag). A wrong signature,
 * a revoked or an expired preview answers the site's 404, just as uncached.
 */
import { pagePolicy } from "../http/content-security-policy.ts";
import { HTML, type Reply } from "../http/reply.ts";
import { parsePreviewPath, verifyPreview } from "../model/preview.ts";
import { readPreview, readPreviewSecret } from "../store/previews.ts";
import type { KvTextReader } from "../store/read.ts";
import type { SiteReader } from "../store/site-reader.ts";
import { postPageInput } from "../theme/built-in-page.ts";
import { notFound } from "./not-found.ts";
import { bundledTheme, drawEnginePage } from "./theme-drawing.ts";

/** Sent with every answer under /_preview/, found or not. */
export const PREVIEW_HEADERS: Array<[string, string]> = [["X-Robots-Tag", "noindex"]];

export interface PreviewRequest {
  url: URL;
  kv: KvTextReader;
  now: number;
  timeoutMs: number;
  /** The live site, for its 404 page; null before the first publish. */
  site: SiteReader | null;
}

export async function previewReply(req: PreviewRequest): Promise<Reply> {
  const record = await validPreview(req);
  if (record === null) {
    const missing = req.site === null ? { status: 404, type: HTML, body: "Not Found\n" } : await notFound({ url: req.url, site: req.site });
    return { ...missing, policy: "preview", expiresAt: null };
  }
  const site = record.site;
  const ctx = { site, origin: site.url ?? req.url.origin, path: record.permalink };
  return {
    status: 200,
    type: HTML,
    // A shared draft is drawn by the built-in theme, as before a site had its own.
    body: drawEnginePage(bundledTheme(), ctx, req.url.origin, postPageInput(ctx, record.model, { index: false })),
    policy: "preview",
    csp: pagePolicy(record.model.csp),
  };
}

async function validPreview(req: PreviewRequest) {
  const parsed = parsePreviewPath(req.url.pathname);
  if (parsed === null) return null;
  const secret = await readPreviewSecret(req.kv, req.timeoutMs);
  if (secret === null || !(await verifyPreview(secret, parsed.id, parsed.signature))) return null;
  const record = await readPreview(req.kv, parsed.id, req.timeoutMs);
  return record !== null && record.expires > req.now ? record : null;
}
