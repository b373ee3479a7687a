/**
 * From a site build to every key's answers over time: each path, search value and WordPress id,
 * with what it answers from the start and from each scheduled post's date on. Models stay objects
 * here; the buckets turn them into JSON one bucket at a time, so a large site is never held as text
 * all at once.
 */
import type { SiteBuild, Snapshot } from "../compile/types.ts";
import type { View } from "../model/release.ts";
import { idKey, searchValueKey, THEME_KEY } from "./bucket-key.ts";
import { splitTheme, themeTemplatesKey } from "./theme-values.ts";

/** An answer whose model is still an object (the bucket stores it as JSON and refers to it by index). */
export type PendingAnswer =
  | readonly [from: number, kind: View | "search" | "theme", model: unknown]
  | readonly [from: number, kind: "redirect", to: string]
  | readonly [from: number, kind: "gone"];

export type Timelines = Map<string, PendingAnswer[]>;

export function timelinesOf(build: SiteBuild): Timelines {
  const timelines: Timelines = new Map();
  const steps: Array<{ from: number } & Snapshot> = [
    { from: 0, pages: build.pages, search: build.search, ...themeOf(build) },
    ...build.later,
  ];
  let previous = new Set<string>();
  for (const step of steps) {
    const present = new Set<string>();
    const answer = (key: string, kind: View | "search" | "theme", model: unknown) => {
      present.add(key);
      const list = timelines.get(key) ?? [];
      const last = list.at(-1);
      if (last === undefined || last[1] !== kind || !sameModel(last[2], model)) list.push([step.from, kind, model]);
      timelines.set(key, list);
    };
    for (const [path, page] of step.pages) answer(path, page.view, page.model);
    for (const [key, model] of step.search) answer(searchValueKey(key), "search", model);
    if (step.theme !== undefined) {
      // Two values: a post's edit changes `site` data alone, and the templates' key stays (store/theme-values.ts).
      const { stored, templates } = splitTheme(step.theme);
      answer(THEME_KEY, "theme", stored);
      answer(themeTemplatesKey(stored.templates), "theme", templates);
    }
    for (const key of previous) if (!present.has(key)) timelines.get(key)?.push([step.from, "gone"]);
    previous = present;
  }
  // Old addresses and WordPress ids lead somewhere only once their target is out (a scheduled post);
  // a media file (a static asset) is there from the start.
  const redirect = (key: string, to: string) => {
    const from = build.assets.has(to) ? 0 : firstServed(timelines.get(to));
    if (from !== null && !timelines.has(key)) timelines.set(key, [[from, "redirect", to]]);
  };
  for (const [from, to] of build.redirects) redirect(from, to);
  for (const [key, to] of build.wordpressIds) redirect(idKey(key), to);
  return timelines;
}

function themeOf(snapshot: Snapshot): Pick<Snapshot, "theme"> {
  return snapshot.theme === undefined ? {} : { theme: snapshot.theme };
}

/** Scheduled snapshots rebuild their models: the same content is the same answer, whatever object holds it. */
function sameModel(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** When a key first answers with a page, or null when it never does. */
function firstServed(timeline: readonly PendingAnswer[] | undefined): number | null {
  const first = timeline?.find((a) => a[1] !== "gone" && a[1] !== "redirect");
  return first === undefined ? null : first[0];
}
