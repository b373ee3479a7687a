/**
 * Serves a content folder the way it deploys (see local-worker.ts: the bundled Worker in Miniflare,
 * over a fresh KV store filled by the project's own publish command) on a chosen port, for the
 * quality checks that drive it from outside: feeds, HTML, the browser walk, Lighthouse.
 */
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { bundleWorker, publishInto, startWorker } from "./local-worker.ts";

export const ROOT = resolve(import.meta.dirname, "../..");

export interface ServedSite {
  /** `http://127.0.0.1:PORT` */
  url: string;
  get(path: string): Promise<Response>;
  close(): Promise<void>;
}

export async function serveSite(options: { content: string; port: number }): Promise<ServedSite> {
  const { persistTo } = publishInto(resolve(options.content));
  const worker = await startWorker({ scriptPath: bundleWorker(), persistTo, port: options.port });
  return {
    url: worker.url,
    get: (path) => worker.fetch(path),
    close: async () => {
      await worker.dispose();
      rmSync(persistTo, { recursive: true, force: true });
    },
  };
}

/** `--name value` from argv, or the fallback. */
export function option(argv: readonly string[], name: string, fallback: string): string {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 && argv[at + 1] !== undefined ? (argv[at + 1] as string) : fallback;
}
