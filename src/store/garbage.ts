/**
 * Clean-up after a release goes live: removes release records that fell out of the history and
 * blobs that no kept release points to, including leftovers of publishes that were stopped midway.
 * Deletes nothing when it cannot read a kept release: keeping too much is safe, losing data is not.
 * Assumes one publisher at a time (a concurrent publish's new blobs are not yet referenced).
 */
import type { Release } from "../model/release.ts";
import type { HistoryEntry } from "./history.ts";
import { BLOB_PREFIX, blobKey, RELEASE_PREFIX, releaseKey } from "./keys.ts";
import type { KvPort } from "./kv-port.ts";
import { parseRelease } from "./release-codec.ts";

export interface Cleanup {
  releases: number;
  blobs: number;
  /** Why nothing was deleted, when the clean-up had to be skipped. */
  skipped: string | null;
}

export async function collectGarbage(port: KvPort, history: readonly HistoryEntry[], live: Release): Promise<Cleanup> {
  const keptReleases = new Set([releaseKey(live.id)]);
  const keptBlobs = new Set<string>();
  for (const entry of history) {
    let release: Release | null = live;
    if (entry.id !== live.id) {
      const raw = await port.get(releaseKey(entry.id));
      release = raw === null ? null : parseRelease(raw);
      if (release === null) return { releases: 0, blobs: 0, skipped: `kept release ${entry.id} could not be read` };
    }
    keptReleases.add(releaseKey(entry.id));
    for (const [, hash] of Object.values(release.routes)) keptBlobs.add(blobKey(hash));
  }
  for (const [, hash] of Object.values(live.routes)) keptBlobs.add(blobKey(hash));

  const staleReleases = (await port.list(RELEASE_PREFIX)).filter((k) => !keptReleases.has(k));
  const staleBlobs = (await port.list(BLOB_PREFIX)).filter((k) => !keptBlobs.has(k));
  // Records before blobs: a release record never outlives the values it points to.
  await port.deleteMany(staleReleases);
  await port.deleteMany(staleBlobs);
  return { releases: staleReleases.length, blobs: staleBlobs.length, skipped: null };
}
