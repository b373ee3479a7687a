/** Reads a release record back from its JSON, checking its shape instead of trusting a cast. */
import { RELEASE_FORMAT, type Release } from "../model/release.ts";

/** Returns null when the text is not a release this code understands. */
export function parseRelease(text: string): Release | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || value.format !== RELEASE_FORMAT) return null;
  if (typeof value.id !== "string" || typeof value.seq !== "number" || typeof value.createdAt !== "string") return null;
  if (typeof value.media !== "string" || !isRecord(value.site) || !isRecord(value.solo)) return null;
  // A release that parses but routes nowhere sensible must not become an empty or crashing site.
  const site = value.site;
  if (typeof site.title !== "string" || typeof site.lang !== "string" || !Array.isArray(site.nav)) return null;
  if (!Array.isArray(value.buckets) || value.buckets.length === 0 || !value.buckets.every(isHash)) return null;
  if (!Object.values(value.solo).every(isHash)) return null;
  if (value.hashing !== undefined && value.hashing !== 2) return null;
  if (!Array.isArray(value.boundaries) || !value.boundaries.every((b) => typeof b === "number")) return null;
  return value as unknown as Release;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isHash(value: unknown): boolean {
  return typeof value === "string" && /^[0-9a-f]{16,64}$/.test(value);
}
