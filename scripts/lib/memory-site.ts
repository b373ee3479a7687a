/**
 * A content folder published into an in-memory KV and served by the real Worker app, for scripts
 * that look at the pages the site answers (HTML validation, content checks) without wrangler.
 */
import { createApp } from "../../src/app.ts";
import { readSite } from "../../src/build/read-site.ts";
import { loadContent } from "../../src/cli/load-content.ts";
import { formatProblem } from "../../src/content/problem.ts";
import type { Release } from "../../src/model/release.ts";
import { bindingPort, type KvBinding } from "../../src/store/binding-port.ts";
import { publishBuild } from "../../src/store/publish.ts";

export interface MemorySite {
  release: Release;
  get(path: string, init?: RequestInit): Promise<Response>;
}

function memoryKv(): KvBinding {
  const data = new Map<string, string>();
  return {
    get: async (key) => data.get(key) ?? null,
    put: async (key, value) => {
      data.set(key, value);
    },
    delete: async (key) => {
      data.delete(key);
    },
    list: async ({ prefix }) => ({
      keys: [...data.keys()].filter((k) => k.startsWith(prefix)).map((name) => ({ name })),
      list_complete: true,
    }),
  };
}

export async function memorySite(folder: string, now = new Date()): Promise<MemorySite> {
  const reading = readSite(await loadContent(folder), {}, now.getTime());
  if (reading.build === null) throw new Error(reading.problems.map(formatProblem).join("\n"));
  const kv = memoryKv();
  const { release } = await publishBuild(bindingPort(kv), reading.build, { now, dryRun: false });
  const app = createApp({ now: () => now.getTime() });
  const env = { BLOG: kv };
  return { release, get: async (path, init = {}) => app.request(`http://blog.test${path}`, init, env) };
}
