/**
 * What a publish changes, in the addresses a reader knows: pages added, changed and removed since the
 * live release. Only buckets whose value changed are read back and compared; an unchanged bucket's
 * keys are unchanged by construction.
 */
import type { Release } from "../model/release.ts";
import { decodeBucket, modelText } from "./bucket-format.ts";
import { valueHolding } from "./bucket-key.ts";
import { signature } from "./buckets.ts";
import type { PreparedRelease } from "./release-build.ts";

export interface Plan {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
}

/** `read`: a stored value's text by hash, or null when it is gone. */
export async function diffReleases(
  read: (hash: string) => Promise<string | null>,
  previous: Release | null,
  next: PreparedRelease,
): Promise<Plan> {
  const plan: Plan = { added: [], changed: [], removed: [], unchanged: 0 };
  const paths = [...next.keys]
    .filter(([key, k]) => key.startsWith("/") && k.page)
    .map(([key]) => key)
    .sort();
  if (previous === null) {
    plan.added = paths;
    return plan;
  }
  const sameLayout = previous.buckets.length === next.release.buckets.length && previous.hashing === next.release.hashing;
  const before = new Map<string, number>();
  const changedValues = new Set([
    ...previous.buckets.filter((hash, i) => !sameLayout || next.release.buckets[i] !== hash),
    ...Object.values(previous.solo),
  ]);
  for (const hash of changedValues) {
    const text = await read(hash);
    if (text === null) continue;
    const bucket = decodeBucket(new TextEncoder().encode(text));
    for (const [key, answers] of Object.entries(bucket.header.k)) {
      if (!key.startsWith("/") || !answers.some((a) => a[1] !== "redirect" && a[1] !== "gone")) continue;
      before.set(key, signature(answers.map((a) => (a[1] === "redirect" || a[1] === "gone" ? a : [a[0], a[1], modelText(bucket, a[2])]))));
    }
  }
  const seen = new Set<string>();
  for (const key of paths) {
    seen.add(key);
    const settled =
      sameLayout &&
      valueHolding(previous, key) === valueHolding(next.release, key) &&
      !changedValues.has(valueHolding(previous, key) ?? "");
    if (settled) plan.unchanged++;
    else if (!before.has(key)) plan.added.push(key);
    else if (before.get(key) !== next.keys.get(key)?.signature) plan.changed.push(key);
    else plan.unchanged++;
  }
  for (const key of [...before.keys()].sort()) if (!seen.has(key)) plan.removed.push(key);
  return plan;
}

/**
 * The same plan from the live release's keys and signatures as its own publish computed them (a
 * watching process keeps them), so nothing is read back from KV.
 */
export function diffKeys(previous: PreparedRelease["keys"], next: PreparedRelease): Plan {
  const plan: Plan = { added: [], changed: [], removed: [], unchanged: 0 };
  const isPage = (key: string, k: { page: boolean }) => key.startsWith("/") && k.page;
  const paths = [...next.keys]
    .filter(([key, k]) => isPage(key, k))
    .map(([key]) => key)
    .sort();
  for (const key of paths) {
    const before = previous.get(key);
    if (before === undefined || !isPage(key, before)) plan.added.push(key);
    else if (before.signature !== next.keys.get(key)?.signature) plan.changed.push(key);
    else plan.unchanged++;
  }
  const after = new Set(paths);
  plan.removed = [...previous]
    .filter(([key, k]) => isPage(key, k) && !after.has(key))
    .map(([key]) => key)
    .sort();
  return plan;
}
