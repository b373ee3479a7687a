/**
 * A site drawn with its own theme against the same site drawn with the built-in theme (its copy
 * without `_layouts/`): the uncached render of its largest post with the theme (themed-render-cpu.ts),
 * and the CPU a warm request for that post costs in each, in this process, alternating short runs as
 * in-process.ts does. `npm run bench` adds load runs of both on workerd (scripts/bench.ts).
 */
import { cp } from "node:fs/promises";
import { relative, sep } from "node:path";
import { CHUNKS, type Handler, measure, median } from "./in-process.ts";
import { CountingKv, publishInMemory, workerApp } from "./memory-store.ts";
import { BROWSER_HEADERS } from "./routes.ts";

/** The content folder without its `_layouts/`: the same posts, drawn by the built-in theme. */
export async function builtInCopy(corpusDir: string, into: string): Promise<string> {
  await cp(corpusDir, into, {
    recursive: true,
    filter: (from) => relative(corpusDir, from).split(sep)[0] !== "_layouts",
  });
  return into;
}

export interface WarmCpu {
  path: string;
  /** Microseconds of CPU per warm request for the page with the site's theme, and with the built-in one. */
  themedUs: number;
  builtInUs: number;
}

export async function warmCpuPerRequest(themedDir: string, builtInDir: string, path: string, rounds = 2_000): Promise<WarmCpu> {
  // An app each: an isolate keeps the release it read, so one app would serve the first site twice.
  const served = async (dir: string): Promise<{ handler: Handler; page: string }> => {
    const app = await workerApp();
    const kv = new CountingKv((await publishInMemory(dir)).data);
    const url = `http://blog.example${path}`;
    const page = await (await app.request(url, {}, { BLOG: kv })).text();
    return { handler: (p) => Promise.resolve(app.request(`http://blog.example${p}`, { headers: BROWSER_HEADERS }, { BLOG: kv })), page };
  };
  const [withTheme, withBuiltIn] = [await served(themedDir), await served(builtInDir)];
  if (withTheme.page === withBuiltIn.page || !withTheme.page.includes("</html>")) {
    throw new Error(`${path} is not drawn differently by the two (is the theme's page served?)`);
  }
  const themed = withTheme.handler;
  const builtIn = withBuiltIn.handler;
  const themedRuns: number[] = [];
  const builtInRuns: number[] = [];
  for (let i = 0; i < CHUNKS; i++) {
    themedRuns.push(await measure(themed, () => path, rounds / CHUNKS));
    builtInRuns.push(await measure(builtIn, () => path, rounds / CHUNKS));
  }
  return { path, themedUs: median(themedRuns), builtInUs: median(builtInRuns) };
}
