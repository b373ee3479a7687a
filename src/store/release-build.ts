/**
 * From a site build to a release: serialise each page model, address it by its hash, and work out
 * what differs from the release that is live now.
 */
import type { SiteBuild, Snapshot } from "../compile/types.ts";
import { blobsOf, RELEASE_FORMAT, type Release, type Route, searchKey, type Variant } from "../model/release.ts";
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
  const before = new Set(previous ? blobsOf(previous) : []);
  // Only values not already stored are kept in memory: a re-publish of a large site holds a handful.
  const newBlobs = new Map<string, KvEntry>();
  const problems: string[] = [];
  const store = async (label: string, model: unknown) => {
    const json = JSON.stringify(model);
    const hash = await sha256Hex(json);
    if (before.has(hash) || newBlobs.has(hash)) return hash;
    const entry = { key: blobKey(hash), value: json };
    const problem = limitProblem(entry.key, entry.value);
    if (problem !== null) problems.push(`${label}: ${problem}`);
    newBlobs.set(hash, entry);
    return hash;
  };
  const table = async (snapshot: Snapshot) => {
    const routes: Record<string, Route> = {};
    for (const [path, page] of sorted(snapshot.pages)) routes[path] = [page.view, await store(path, page.model)];
    const search: Record<string, string> = {};
    for (const [key, model] of sorted(snapshot.search)) search[key] = await store(`search index ${key}`, model);
    return { routes, search };
  };
  const { routes, search } = await table(build);

  // Scheduled posts: list, for each later moment, only the answers that differ from the one before.
  const later: Record<string, Variant[]> = {};
  const schedule = (key: string, variant: Variant) => {
    later[key] = [...(later[key] ?? []), variant];
  };
  let prev = { routes, search };
  for (const step of build.later) {
    const next = await table(step);
    for (const [path, route] of Object.entries(next.routes)) {
      const old = prev.routes[path];
      if (!old || old[0] !== route[0] || old[1] !== route[1]) schedule(path, [step.from, route[0], route[1]]);
    }
    for (const [key, hash] of Object.entries(next.search)) {
      if (prev.search[key] !== hash) schedule(searchKey(key), [step.from, "search", hash]);
    }
    prev = next;
  }
  const boundaries = build.later.map((step) => step.from);

  const redirects = Object.fromEntries([...build.redirects].sort());
  const ids = Object.fromEntries([...build.wordpressIds].sort());
  const content = { format: RELEASE_FORMAT, site: build.site, routes, redirects, ids, search, later, boundaries };
  const id = (await sha256Hex(JSON.stringify(content))).slice(0, 32);
  const release: Release = {
    format: RELEASE_FORMAT,
    id,
    seq: (previous?.seq ?? 0) + 1,
    createdAt: now.toISOString(),
    site: build.site,
    routes,
    redirects,
    ids,
    search,
    later,
    boundaries,
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

function sorted<V>(map: ReadonlyMap<string, V>): Array<[string, V]> {
  return [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
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
