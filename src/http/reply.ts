/**
 * What a route decides to answer, before it becomes bytes on the wire. Every answer the Worker gives
 * (pages, feeds, files, redirects, 404s, errors) is a Reply; one path turns it into a response entry
 * (response-entry.ts) and answers from that entry, whether it came fresh from a route or from a cache.
 */
import type { CachePolicyName } from "./cache-policy.ts";

export interface Reply {
  status: number;
  /** Content-Type; null for answers without a body (redirects). */
  type: string | null;
  body: string | Uint8Array | null;
  policy: CachePolicyName;
  /** Epoch ms after which this answer may change (a scheduled post appears): no cache may keep it longer. */
  expiresAt?: number | null;
  /** Where a redirect leads. */
  location?: string;
  /** An HTML page's own Content-Security-Policy; every other answer gets the baseline for its type. */
  csp?: string;
  /** Seconds a client should wait before trying again (503). */
  retryAfter?: number;
}

export const HTML = "text/html; charset=utf-8";

export function redirectReply(location: string): Reply {
  return { status: 301, type: null, body: null, policy: "redirect", location };
}
