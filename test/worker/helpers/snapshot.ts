/**
 * Everything a reader can get from a published site, as data: each route, redirect, WordPress id
 * and a missing path, answered by a fresh Worker app against the given namespace.
 */

import { encodePath } from "../../../src/format/urls.ts";
import type { Release } from "../../../src/model/release.ts";
import { createApp } from "../../../src/routes/router.ts";
import { CURRENT_KEY, LAYOUT_PREFIX } from "../../../src/store/keys.ts";
import { parseRelease } from "../../../src/store/release-codec.ts";

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

/** Every request path worth asking for a release. */
export function pathsOf(release: Release): string[] {
  return [
    ...Object.keys(release.routes).map(encodePath),
    ...Object.keys(release.redirects).map(encodePath),
    ...Object.keys(release.ids)
      .filter((key) => key.startsWith("post:"))
      .map((key) => `/?p=${encodeURIComponent(key.slice("post:".length))}`),
    "/no-such-page/",
  ].sort();
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
