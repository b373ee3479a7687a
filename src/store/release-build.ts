/**
 * From a site build to a release: serialise each page model, address it by its hash, and work out
 * what differs from the release that is live now.
 */
import type { SiteBuild } from "../build/site-build.ts";
import { RELEASE_FORMAT, type Release, type Route } from "../model/release.ts";
import { sha256Hex } from "./hash.ts";
import { blobKey, CURRENT_KEY } from "./keys.ts";
import { KvLimitError, limitProblem } from "./kv-limits.ts";
import type { KvEntry } from "./kv-port.ts";

export interface Plan {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
}

export interface PreparedRelease {
  release: Release;
  /** The release as stored (record and pointer hold the same text). */
  releaseJson: string;
  /** Blobs the previous release did not already have: the only ones a publish writes. */
  newBlobs: KvEntry[];
  plan: Plan;
  /** True when the content is exactly what is live: nothing to write. */
  same: boolean;
}

export async function prepareRelease(build: SiteBuild, previous: Release | null, now: Date): Promise<PreparedRelease> {
  const routes: Record<string, Route> = {};
  const before = new Set(previous ? Object.values(previous.routes).map(([, hash]) => hash) : []);
  // Only values not already stored are kept in memory: a re-publish of a large site holds a handful.
  const newBlobs = new Map<string, KvEntry>();
  const problems: string[] = [];
  for (const [path, page] of [...build.pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const json = JSON.stringify(page.model);
    const hash = await sha256Hex(json);
    routes[path] = [page.view, hash];
    if (before.has(hash) || newBlobs.has(hash)) continue;
    const entry = { key: blobKey(hash), value: json };
    const problem = limitProblem(entry.key, entry.value);
    if (problem !== null) problems.push(`${path}: ${problem}`);
    newBlobs.set(hash, entry);
  }
  const redirects = Object.fromEntries([...build.redirects].sort());
  const ids = Object.fromEntries([...build.ids].sort());
  const id = (await sha256Hex(JSON.stringify({ format: RELEASE_FORMAT, site: build.site, routes, redirects, ids }))).slice(0, 32);
  const release: Release = {
    format: RELEASE_FORMAT,
    id,
    seq: (previous?.seq ?? 0) + 1,
    createdAt: now.toISOString(),
    site: build.site,
    routes,
    redirects,
    ids,
  };
  const releaseJson = JSON.stringify(release);
  const releaseProblem = limitProblem(CURRENT_KEY, releaseJson);
  if (releaseProblem !== null) problems.push(`the release record (the table of every path): ${releaseProblem}`);
  if (problems.length > 0) throw new KvLimitError(problems);
  return {
    release,
    releaseJson,
    newBlobs: [...newBlobs.values()],
    plan: diffRoutes(previous?.routes ?? {}, routes),
    same: previous?.id === id,
  };
}

function diffRoutes(before: Record<string, Route>, after: Record<string, Route>): Plan {
  const plan: Plan = { added: [], changed: [], removed: [], unchanged: 0 };
  for (const [path, route] of Object.entries(after)) {
    const old = before[path];
    if (!old) plan.added.push(path);
    else if (old[1] !== route[1] || old[0] !== route[0]) plan.changed.push(path);
    else plan.unchanged++;
  }
  for (const path of Object.keys(before)) if (!(path in after)) plan.removed.push(path);
  return plan;
}
