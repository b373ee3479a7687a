/**
 * How much of the site one isolate may hold, and how it is shared out. An isolate has 128 MB; the site
 * may take a quarter of it, leaving the rest for the runtime, rendering and requests in flight.
 * Rendered pages are kept gzipped (about 5 KB a page), so the render cache alone holds thousands.
 */
export const SITE_MEMORY_BYTES = 32 * 1024 * 1024;

export const MEMORY_BUDGET = {
  /** Rendered answers (render-cache/isolate-cache.ts). */
  renderCache: 24 * 1024 * 1024,
  /** Buckets read from KV (store/bucket-cache.ts). */
  buckets: 4 * 1024 * 1024,
  /** Last good answers kept for when KV fails, counted whole even when the render cache holds them too (last-good.ts). */
  lastGood: 3 * 1024 * 1024,
  /** The live release pointer (a few KiB to a few tens of KiB: see model/release.ts), with room to spare. */
  release: 1024 * 1024,
} as const;
