/**
 * Clean-up after a release goes live: deletes values no kept release names (the buckets of releases
 * that fell out of the history, leftovers of publishes stopped midway) and keys of an older layout.
 * Deletes cost as much of KV's daily allowance as writes, so a publish deletes at most `budget`
 * keys; what is left is deleted by the next publishes. Keeping too much is safe, losing data is not.
 * Assumes one publisher at a time (a concurrent publish's new values are not yet named).
 */
import { type Release, valuesOf } from "../model/release.ts";
import { VALUE_PREFIX, valueKey } from "./keys.ts";
import type { KvPort } from "./kv-port.ts";

export interface Cleanup {
  /** Keys deleted now. */
  deleted: number;
  /** Keys still to delete, left for later publishes by the budget. */
  remaining: number;
}

/** The keys a clean-up would delete, given what is stored (values, and keys of older layouts) and the releases kept. */
export function garbageOf(kept: readonly Release[], storedValues: readonly string[], oldLayout: readonly string[]): string[] {
  const named = new Set(kept.flatMap((r) => valuesOf(r).map(valueKey)));
  const stale = storedValues.filter((key) => key.startsWith(VALUE_PREFIX) && !named.has(key));
  return [...stale, ...oldLayout];
}

export async function collectGarbage(port: KvPort, garbage: readonly string[], budget: number): Promise<Cleanup> {
  const now = garbage.slice(0, Math.max(0, budget));
  await port.deleteMany(now);
  return { deleted: now.length, remaining: garbage.length - now.length };
}
