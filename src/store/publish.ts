/**
 * Writes a release to KV in the only safe order: every blob first, then the release record, then
 * the one pointer write that makes it live. Stopped at any point, the previous release is still
 * served whole, because nothing it points to has changed.
 */
import type { SiteBuild } from "../build/site-build.ts";
import type { Release } from "../model/release.ts";
import { CURRENT_KEY, releaseKey } from "./keys.ts";
import type { KvPort } from "./kv-port.ts";
import { type PreparedRelease, prepareRelease } from "./release-build.ts";
import { parseRelease } from "./release-codec.ts";

export interface PublishOptions {
  now: Date;
  dryRun: boolean;
}

export interface PublishResult extends PreparedRelease {
  previous: Release | null;
  /** Keys written (0 on a dry run or when nothing changed). */
  written: number;
}

export async function publishBuild(port: KvPort, build: SiteBuild, options: PublishOptions): Promise<PublishResult> {
  const raw = await port.get(CURRENT_KEY);
  // An unreadable pointer must not block the publish that repairs it: treat it as no release.
  const previous = raw === null ? null : parseRelease(raw);
  const prepared = await prepareRelease(build, previous, options.now);
  if (options.dryRun || prepared.same) return { ...prepared, previous, written: 0 };

  const releaseJson = JSON.stringify(prepared.release);
  await port.putMany(prepared.newBlobs);
  await port.putMany([{ key: releaseKey(prepared.release.id), value: releaseJson }]);
  await port.putMany([{ key: CURRENT_KEY, value: releaseJson }]);
  return { ...prepared, previous, written: prepared.newBlobs.length + 2 };
}
