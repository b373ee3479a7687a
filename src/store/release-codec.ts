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
  if (!isRecord(value.site) || !isRecord(value.routes) || !isRecord(value.redirects) || !isRecord(value.ids)) return null;
  return value as unknown as Release;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
