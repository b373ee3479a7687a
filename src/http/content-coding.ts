/**
 * Compressed answers: a cached page is gzipped once when it enters the cache, and every reader whose
 * client accepts gzip gets those bytes as they are (`encodeBody: "manual"`), instead of the runtime
 * compressing the same page again on every request. Requests that do not accept gzip get the plain
 * bytes.
 */

/** Smaller bodies gain nothing worth a Content-Encoding header and a decompression. */
export const MIN_COMPRESSIBLE_BYTES = 512;

/** Text formats; images and other files the site serves are compressed already. */
const COMPRESSIBLE_TYPE = /^(text\/|application\/(rss\+xml|atom\+xml|feed\+json|json|xml|javascript)|image\/svg\+xml)/i;

export function isCompressible(contentType: string | null, bytes: number): boolean {
  return bytes >= MIN_COMPRESSIBLE_BYTES && contentType !== null && COMPRESSIBLE_TYPE.test(contentType);
}

export async function gzip(body: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([body]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The plain bytes of a gzip body, as a stream for a response. */
export function gunzipStream(compressed: Uint8Array): ReadableStream<Uint8Array> {
  return new Blob([compressed]).stream().pipeThrough(new DecompressionStream("gzip"));
}

/**
 * Whether the request takes gzip, by its own Accept-Encoding. A client that sends none (plain curl,
 * many scripts) gets the identity form, as from nginx. On Cloudflare the Worker sees the front line's
 * header ("br, gzip", however the reader's client asked), and the front line hands each reader the
 * coding its client takes, decompressing a gzip answer for a client that takes none (Cloudflare's
 * "Content compression": it converts between compressed and uncompressed forms for visitors). So the
 * header alone is right on Cloudflare and locally; reading `request.cf` for the client's own value
 * would cost every request a quarter of its throughput in workerd for no change in what readers get.
 */
export function acceptsGzip(request: Request): boolean {
  const header = request.headers.get("Accept-Encoding");
  if (!header) return false;
  // RFC 9110 §12.5.3: a coding is acceptable unless its weight is 0; "*" stands for codings not named.
  let star = false;
  for (const element of header.split(",")) {
    const [name = "", ...params] = element.split(";").map((part) => part.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    const acceptable = Number.isFinite(weight) && weight > 0;
    if (name === "gzip" || name === "x-gzip") return acceptable;
    if (name === "*") star = acceptable;
  }
  return star;
}

/**
 * The request with the Accept-Encoding its client sent, for `wrangler dev`. Miniflare, like
 * Cloudflare's front line, hands the Worker `Accept-Encoding: br, gzip` whatever the client asked,
 * and keeps the client's own header in `request.cf.clientAcceptEncoding` ("" when it sent none); but
 * unlike the front line it passes a gzip answer on as it is to a client that takes no gzip, so plain
 * curl would print gzip bytes. Only the local server reads `request.cf` for this (see acceptsGzip).
 */
export function withClientAcceptEncoding(request: Request): Request {
  const sent = (request.cf as { clientAcceptEncoding?: unknown } | undefined)?.clientAcceptEncoding;
  if (typeof sent !== "string") return request;
  const headers = new Headers(request.headers);
  if (sent === "") headers.delete("Accept-Encoding");
  else headers.set("Accept-Encoding", sent);
  return new Request(request, { headers });
}

/**
 * The strong validator of the gzip form of a body whose own ETag is `etag`: a different
 * representation needs a different strong ETag (RFC 9110 §8.8.3.3).
 */
export function gzipEtag(etag: string): string {
  return etag.endsWith('"') ? `${etag.slice(0, -1)}-gzip"` : etag;
}
