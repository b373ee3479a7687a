/**
 * The local KV store `wrangler dev` serves from (`.wrangler/state/v3/kv`, or DIR/v3/kv for `--persist-to DIR`),
 * opened with Miniflare, the simulator wrangler itself runs, on the same folder and namespace id.
 *
 * Reads and writes go through a small Worker inside workerd that takes a whole batch per request:
 * wrangler's platform proxy makes one slow round trip per key (about 35 ms here), which turns a
 * 10,000-post publish into minutes.
 */
import { dirname, join } from "node:path";
import { Miniflare } from "miniflare";
import type { KvEntry, KvPort } from "../../store/kv-port.ts";
import type { OpenedKv } from "../deps.ts";
import { readCompatibilityDate, readWranglerKvConfig } from "./wrangler-config.ts";

const BATCH_WORKER = `
export default {
  async fetch(request, env) {
    const body = await request.json();
    switch (body.op) {
      case "get":
        return Response.json(await Promise.all(body.keys.map((k) => env.BLOG.get(k, "text"))));
      case "put":
        await Promise.all(body.entries.map((e) => env.BLOG.put(e.key, e.value)));
        return Response.json(null);
      case "put-then":
        await Promise.all(body.first.map((e) => env.BLOG.put(e.key, e.value)));
        await Promise.all(body.then.map((e) => env.BLOG.put(e.key, e.value)));
        return Response.json(null);
      case "delete":
        await Promise.all(body.keys.map((k) => env.BLOG.delete(k)));
        return Response.json(null);
      case "list": {
        const page = await env.BLOG.list(body.cursor ? { prefix: body.prefix, cursor: body.cursor } : { prefix: body.prefix });
        return Response.json({ keys: page.keys.map((k) => k.name), cursor: page.list_complete ? null : page.cursor });
      }
    }
    return new Response("unknown op", { status: 400 });
  },
};`;

/**
 * Keys per request to the batch Worker, and a cap on the bytes of one request (counted as three per
 * character, an upper bound of UTF-8). Each request's body is copied several times on its way into
 * workerd: at 32 MiB a 10,000-post publish peaked 200 MiB higher than at 8 MiB, for no gain in time.
 */
const BATCH_KEYS = 500;
const BATCH_BYTES = 8 * 1024 * 1024;

export async function openLocalKv(configPath: string, persistTo: string | null): Promise<OpenedKv> {
  const [{ namespaceId }, compatibilityDate] = await Promise.all([readWranglerKvConfig(configPath), readCompatibilityDate(configPath)]);
  // Where `wrangler dev` keeps it: DIR/v3 for `--persist-to DIR`, else .wrangler/state/v3 beside wrangler.toml.
  const root = persistTo === null ? join(dirname(configPath), ".wrangler", "state", "v3") : join(persistTo, "v3");
  const mf = new Miniflare({
    modules: true,
    script: BATCH_WORKER,
    compatibilityDate,
    kvNamespaces: { BLOG: namespaceId },
    kvPersist: join(root, "kv"),
  });
  await mf.ready;
  const call = async <T>(body: object): Promise<T> => {
    // As bytes: a string body is first checked character by character for lone surrogates, then encoded anyway.
    const res = await mf.dispatchFetch("http://local-kv/", { method: "POST", body: Buffer.from(JSON.stringify(body)) });
    if (!res.ok) throw new Error(`local KV (${root}) failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const port: KvPort = {
    async get(key) {
      return (await call<Array<string | null>>({ op: "get", keys: [key] }))[0] ?? null;
    },
    async putMany(entries) {
      for (const batch of batches(entries)) await call({ op: "put", entries: batch });
    },
    async putThen(first, then) {
      const all = [...first, ...then];
      // One request when both fit in one batch (a save's few values and the pointer); else in order, batch by batch.
      if (all.length <= BATCH_KEYS && all.reduce((sum, e) => sum + e.value.length * 3, 0) <= BATCH_BYTES) {
        await call({ op: "put-then", first, then });
        return;
      }
      await port.putMany(first);
      await port.putMany(then);
    },
    async deleteMany(keys) {
      for (let i = 0; i < keys.length; i += BATCH_KEYS) await call({ op: "delete", keys: keys.slice(i, i + BATCH_KEYS) });
    },
    async list(prefix) {
      const keys: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { keys: string[]; cursor: string | null } = await call({ op: "list", prefix, cursor });
        keys.push(...page.keys);
        cursor = page.cursor;
      } while (cursor !== null);
      return keys;
    },
  };
  return { port, label: `local KV (${persistTo ?? ".wrangler/state"})`, close: () => mf.dispose() };
}

function* batches(entries: readonly KvEntry[]): Generator<KvEntry[]> {
  let batch: KvEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    if (batch.length >= BATCH_KEYS || (batch.length > 0 && bytes + entry.value.length * 3 > BATCH_BYTES)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(entry);
    bytes += entry.value.length * 3;
  }
  if (batch.length > 0) yield batch;
}
