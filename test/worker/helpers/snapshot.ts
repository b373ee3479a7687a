/**
 * Everything a reader can get from a published site, as data: each route, redirect, WordPress id
 * and a missing path, answered by a fresh Worker app against the given namespace.
 */

import { encodePath } from "../../../src/format/urls.ts";
import type { Release } from "../../../src/model/release.ts";
import { createApp } from "../../../src/routes/router.ts";
import { CURRENT_KEY, LAYOUT_PREFIX, valueKey } from "../../../src/store/keys.ts";
import { parseRelease } from "../../../src/store/release-codec.ts";
import { releaseContents } from "../../../src/store/release-contents.ts";

export interface Answer {
  status: number;
  headers: Array<[string, string]>;
  body: string;
}

export async function liveRelease(kv: KVNamespace): Promise<Release> {
  const release = parseRelease((await kv.get(CURRENT_KEY, "text")) ?? "");
  if (release === null) throw new Error("nothing is live");
  return release;
}

/** Every request path worth asking for a release: its pages and old addresses, its `?p=` ids, and a missing path. */
export async function pathsOf(kv: KVNamespace, release: Release): Promise<string[]> {
  const keys = [...(await releaseContents((hash) => kv.get(valueKey(hash), "text"), release)).keys()];
  return [
    ...keys.filter((key) => key.startsWith("/")).map(encodePath),
    ...keys.filter((key) => key.startsWith("#id:post:")).map((key) => `/?p=${encodeURIComponent(key.slice("#id:post:".length))}`),
    "/no-such-page/",
  ].sort();
}

/** Each path a release serves a page at (as published, before any scheduled post), with its view. */
export async function routesOf(kv: KVNamespace, release: Release): Promise<Array<[string, string]>> {
  const contents = await releaseContents((hash) => kv.get(valueKey(hash), "text"), release);
  const routes: Array<[string, string]> = [];
  for (const [key, answers] of contents) {
    const first = answers[0];
    if (key.startsWith("/") && first !== undefined && first[0] === 0 && first[1] !== "redirect" && first[1] !== "gone")
      routes.push([key, first[1]]);
  }
  return routes.sort(([a], [b]) => (a < b ? -1 : 1));
}

export async function snapshot(kv: KVNamespace, paths: readonly string[]): Promise<Record<string, Answer>> {
  // A new app per snapshot: its release cache must not carry a pointer over from another namespace.
  const app = createApp();
  const out: Record<string, Answer> = {};
  for (const path of paths) {
    const res = await app.request(`http://blog.test${path}`, { redirect: "manual" }, { BLOG: kv });
    out[path] = { status: res.status, headers: [...res.headers].sort(), body: await res.text() };
  }
  return out;
}

export async function clearNamespace(kv: KVNamespace): Promise<void> {
  const { keys } = await kv.list({ prefix: LAYOUT_PREFIX });
  await Promise.all(keys.map((k) => kv.delete(k.name)));
}

export async function allKeys(kv: KVNamespace): Promise<string[]> {
  const names: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await kv.list(cursor === undefined ? { prefix: LAYOUT_PREFIX } : { prefix: LAYOUT_PREFIX, cursor });
    names.push(...page.keys.map((k) => k.name));
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor !== undefined);
  return names.sort();
}
