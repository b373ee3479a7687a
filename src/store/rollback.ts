/**
 * Rollback: makes a kept release live again with one write of the pointer. The written copy gets a
 * higher seq than the live one, because isolates ignore a pointer older than what they have seen.
 */
import { type Release, valuesOf } from "../model/release.ts";
import { parseHistory, previousOf } from "./history.ts";
import { CURRENT_KEY, HISTORY_KEY, VALUE_PREFIX, valueKey } from "./keys.ts";
import type { KvPort } from "./kv-port.ts";
import { parseRelease } from "./release-codec.ts";

/** A rollback that cannot be done; nothing was written. */
export class RollbackError extends Error {
  override name = "RollbackError";
}

export interface ReleaseHistory {
  live: Release | null;
  /** The kept releases, oldest first. */
  history: Release[];
}

export async function readHistory(port: KvPort): Promise<ReleaseHistory> {
  const raw = await port.get(CURRENT_KEY);
  return { live: raw === null ? null : parseRelease(raw), history: parseHistory(await port.get(HISTORY_KEY)) };
}

export interface RollbackResult {
  from: Release;
  to: Release;
}

/** Goes back to the release published before the live one, or to `to` (a kept release id or its prefix). */
export async function rollback(port: KvPort, options: { to: string | null; dryRun: boolean }): Promise<RollbackResult> {
  const { live, history } = await readHistory(port);
  if (live === null) throw new RollbackError("nothing is published, so there is nothing to roll back");
  let target: Release | null;
  if (options.to === null) {
    target = previousOf(history, live.id);
    if (target === null) throw new RollbackError(`release ${live.id} is the oldest one kept; there is no earlier release to return to`);
  } else {
    const matches = history.filter((r) => r.id.startsWith(options.to ?? ""));
    if (matches.length !== 1) {
      throw new RollbackError(`${matches.length === 0 ? "no" : "more than one"} kept release matches "${options.to}"`);
    }
    target = matches[0] ?? null;
  }
  if (target === null) throw new RollbackError("no release to return to");
  if (target.id === live.id) throw new RollbackError(`release ${live.id} is already live`);

  const stored = new Set(await port.list(VALUE_PREFIX));
  const missing = valuesOf(target).filter((hash) => !stored.has(valueKey(hash))).length;
  if (missing > 0) throw new RollbackError(`release ${target.id} is incomplete: ${missing} of its values are missing`);

  const to: Release = { ...target, seq: live.seq + 1 };
  if (!options.dryRun) await port.putMany([{ key: CURRENT_KEY, value: JSON.stringify(to) }]);
  return { from: live, to };
}
