/**
 * A release: everything one publish made servable. The Worker reads the live one from a single KV key,
 * so switching releases is one write, and every path it routes to names an immutable blob.
 */
import type { SiteConfig } from "./site.ts";

/** How a path is rendered. */
export type View = "post" | "list" | "rss" | "atom" | "json" | "file";

/** `[view, blob hash]`: a tuple keeps the route table, read on cold requests, small. */
export type Route = readonly [view: View, blob: string];

export interface Release {
  format: 1;
  /** Content hash of what the release serves: republishing the same content gives the same id. */
  id: string;
  /** Publish counter, increasing; lets an isolate ignore an older pointer that KV still serves. */
  seq: number;
  createdAt: string;
  site: SiteConfig;
  routes: Record<string, Route>;
  /** Old path → canonical path, answered with 301. */
  redirects: Record<string, string>;
  /** WordPress post id → permalink, for `/?p=ID`. */
  ids: Record<string, string>;
}

export const RELEASE_FORMAT = 1;
