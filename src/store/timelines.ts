/**
 * From a site build to every key's answers over time: each path, search value and WordPress id,
 * with what it answers from the start and from each scheduled post's date on. Models are carried as
 * their JSON text, which is what the buckets store and what tells two answers apart.
 */
import type { SiteBuild, Snapshot } from "../compile/types.ts";
import type { View } from "../model/release.ts";
import { wordpressIdKey } from "../model/wordpress-ids.ts";
import { idKey, searchValueKey } from "./bucket-key.ts";

/** An answer whose model is still JSON text (the bucket turns it into an index). */
export type PendingAnswer =
  | readonly [from: number, kind: View | "search", json: string]
  | readonly [from: number, kind: "redirect", to: string]
  | readonly [from: number, kind: "gone"];

export type Timelines = Map<string, PendingAnswer[]>;

export function timelinesOf(build: SiteBuild): Timelines {
  const timelines: Timelines = new Map();
  const steps: Array<{ from: number } & Snapshot> = [{ from: 0, pages: build.pages, search: build.search }, ...build.later];
  let previous = new Set<string>();
  for (const step of steps) {
    const present = new Set<string>();
    const answer = (key: string, kind: View | "search", model: unknown) => {
      present.add(key);
      const json = JSON.stringify(model);
      const list = timelines.get(key) ?? [];
      const last = list.at(-1);
      if (last === undefined || last[1] !== kind || last[2] !== json) list.push([step.from, kind, json]);
      timelines.set(key, list);
    };
    for (const [path, page] of step.pages) answer(path, page.view, page.model);
    for (const [key, model] of step.search) answer(searchValueKey(key), "search", model);
    for (const key of previous) if (!present.has(key)) timelines.get(key)?.push([step.from, "gone"]);
    previous = present;
  }
  // Old addresses and WordPress ids lead somewhere only once their target is out (a scheduled post).
  const redirect = (key: string, to: string) => {
    const from = firstServed(timelines.get(to));
    if (from !== null && !timelines.has(key)) timelines.set(key, [[from, "redirect", to]]);
  };
  for (const [from, to] of build.redirects) redirect(from, to);
  for (const [key, to] of build.wordpressIds) redirect(idKey(key), to);
  return timelines;
}

/** When a key first answers with a page, or null when it never does. */
function firstServed(timeline: readonly PendingAnswer[] | undefined): number | null {
  const first = timeline?.find((a) => a[1] !== "gone" && a[1] !== "redirect");
  return first === undefined ? null : first[0];
}

export { wordpressIdKey };
