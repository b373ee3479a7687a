/**
 * Conditional requests (RFC 9110 §13), decided in this one place. Answers carry a strong ETag and no
 * Last-Modified: the bytes of a page change when anything on it changes (an edit, a new post in a
 * list, a new theme), while no date in the content says when that happened, so a client revalidating
 * with If-Modified-Since alone would be told its old copy is current. The ETag never is.
 */
import { gzipEtag } from "./content-coding.ts";

/** A strong validator for these bytes: the first 144 bits of their SHA-256, base64url. */
export async function strongEtag(body: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", body);
  const bytes = new Uint8Array(digest).slice(0, 18);
  const b64 = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_");
  return `"${b64}"`;
}

/** Whether the client's copy, named by If-None-Match, is the current one: answer 304. */
export function notModified(request: Request, etag: string): boolean {
  const ifNoneMatch = request.headers.get("If-None-Match");
  if (ifNoneMatch === null) return false;
  // If-None-Match uses the weak comparison: W/"x" matches "x" (RFC 9110 §13.1.2). The gzip form's
  // tag matches too: both are this content, and a 304 only says the copy the client holds is current.
  if (ifNoneMatch.trim() === "*") return true;
  const gzipped = gzipEtag(etag);
  return ifNoneMatch.split(",").some((tag) => {
    const opaque = tag.trim().replace(/^W\//, "");
    return opaque === etag || opaque === gzipped;
  });
}
