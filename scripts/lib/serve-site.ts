/**
 * A content folder served the way it deploys: the bundle `wrangler deploy` would upload (bundle.ts),
 * over a fresh local store the project's own publish command filled (publish.ts), on workerd through
 * Miniflare (local-worker.ts). What the checks, the browser walk, Lighthouse and the load run drive.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { bundleWorker } from "./bundle.ts";
import { type LocalWorker, type StartOptions, startWorker } from "./local-worker.ts";
import { ROOT } from "./project.ts";
import { publishSite } from "./publish.ts";

export interface ServedSite extends LocalWorker {
  /** The publish command's summary lines: what it read and wrote. */
  published: string[];
}

export interface ServeOptions extends Pick<StartOptions, "port" | "inspectorPort" | "assets"> {
  content: string;
}

/** close() also removes the store and the bundle. */
export async function serveSite({ content, ...listen }: ServeOptions): Promise<ServedSite> {
  const { persistTo, summary } = await publishSite(content);
  const bundle = await bundleWorker().catch(async (error: unknown) => {
    await rm(persistTo, { recursive: true, force: true });
    throw error;
  });
  const removeFiles = () => Promise.all([persistTo, bundle.outdir].map((dir) => rm(dir, { recursive: true, force: true })));
  const worker = await startWorker({ ...listen, code: { path: bundle.path }, persistTo }).catch(async (error: unknown) => {
    await removeFiles();
    throw error;
  });
  return {
    ...worker,
    published: summary,
    async close() {
      await worker.close();
      await removeFiles();
    },
  };
}

/**
 * parseArgs options of every script that serves a content folder: `--content DIR` (default: the project's content/)
 * and `--port N`, with a default port of its own so that several scripts can run at once.
 */
export function siteOptions(port: number) {
  return { content: { type: "string", default: join(ROOT, "content") }, port: { type: "string", default: String(port) } } as const;
}
