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
  // A release that parses but routes nowhere sensible must not become an empty or crashing site.
  const site = value.site;
  if (typeof site.title !== "string" || typeof site.lang !== "string" || !Array.isArray(site.nav)) return null;
  if (!Object.values(value.routes).every(isRoute) || value.routes["/"] === undefined) return null;
  if (!Object.values(value.redirects).every((v) => typeof v === "string")) return null;
  if (!Object.values(value.ids).every((v) => typeof v === "string")) return null;
  return value as unknown as Release;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isRoute(value: unknown): boolean {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string";
}
