/**
 * A KvPort for loading a large site into a Miniflare KV namespace quickly: a small Worker bound to
 * the same namespace takes entries in batches of hundreds, instead of one proxied call per key.
 * The publish logic on top of it is the project's own (`publishBuild`).
 */
import type { KvPort } from "../../src/store/kv-port.ts";

/** Runs inside workerd next to the blog, bound to the same BLOG namespace. */
export const LOADER_SCRIPT = `
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === "/get") {
      const value = await env.BLOG.get(url.searchParams.get("key"), "text");
      return value === null ? new Response(null, { status: 404 }) : new Response(value);
    }
    const body = await request.json();
    if (url.pathname === "/put") await Promise.all(body.map((e) => env.BLOG.put(e.key, e.value)));
    else if (url.pathname === "/delete") await Promise.all(body.map((k) => env.BLOG.delete(k)));
    else if (url.pathname === "/list") {
      const keys = [];
      let cursor;
      do {
        const page = await env.BLOG.list(cursor ? { prefix: body.prefix, cursor } : { prefix: body.prefix });
        for (const k of page.keys) keys.push(k.name);
        cursor = page.list_complete ? undefined : page.cursor;
      } while (cursor);
      return Response.json(keys);
    }
    return new Response("ok");
  },
};
`;

interface Fetcher {
  fetch(url: string, init?: { method: string; body: string }): Promise<{ status: number; ok: boolean; text(): Promise<string> }>;
}

const BATCH = 500;

export function loaderPort(loader: Fetcher): KvPort {
  const post = async (path: string, body: unknown): Promise<string> => {
    const res = await loader.fetch(`http://loader${path}`, { method: "POST", body: JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`KV loader ${path} failed (${res.status}): ${text}`);
    return text;
  };
  return {
    async get(key) {
      const res = await loader.fetch(`http://loader/get?key=${encodeURIComponent(key)}`);
      const text = await res.text();
      return res.status === 404 ? null : text;
    },
    async putMany(entries) {
      for (let i = 0; i < entries.length; i += BATCH) await post("/put", entries.slice(i, i + BATCH));
    },
    async deleteMany(keys) {
      for (let i = 0; i < keys.length; i += BATCH) await post("/delete", keys.slice(i, i + BATCH));
    },
    async list(prefix) {
      return JSON.parse(await post("/list", { prefix })) as string[];
    },
  };
}
