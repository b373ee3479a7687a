/**
 * Navigation benchmark: archives, search and the sitemap of a 10-post blog and a 10,000-post blog,
 * served by the deployable bundle (Miniflare, no dev proxy) in the same run, rounds alternating so
 * machine noise hits both alike. Reports requests per second and the ratio large/small per route;
 * a ratio near 1 means the work per request does not grow with the number of posts.
 *
 *   npx tsx scripts/bench-navigation.ts [--posts 10000] [--seconds 3] [--rounds 2]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { bundleWorker } from "./lib/bundle.ts";
import { type LocalWorker, startWorker } from "./lib/local-worker.ts";
import { publishSite } from "./lib/publish.ts";

const { values } = parseArgs({
  options: {
    posts: { type: "string", default: "10000" },
    seconds: { type: "string", default: "3" },
    rounds: { type: "string", default: "2" },
  },
});
const LARGE = Number(values.posts);
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);
const CONCURRENCY = 8;

const WORDS = "harbour volcano flight river meadow lantern copper orchard glacier thunder violet compass".split(" ");

/** A blog of `n` posts, one every eight hours from 2000 on, in 12 categories and 40 tags. */
function blog(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), `edgepress-bench-${n}-`));
  mkdirSync(join(dir, "_posts"));
  writeFileSync(join(dir, "_config.yml"), "title: Bench\npermalink: /:year/:month/:slug/\n");
  for (let i = 0; i < n; i++) {
    const date = new Date(Date.UTC(2000, 0, 1) + i * 8 * 3_600_000);
    const word = (k: number) => WORDS[(i + k * 5) % WORDS.length];
    const body = Array.from({ length: 150 }, (_, k) => `${word(k)}${k % 9}`).join(" ");
    writeFileSync(
      join(dir, "_posts", `${date.toISOString().slice(0, 10)}-post-${i}.md`),
      `---\ntitle: Post ${i} about ${word(1)}\ndate: ${date.toISOString()}\nauthor: Author ${i % 3}\ncategories: [Cat ${i % 12}]\ntags: [tag${i % 40}, ${word(2)}]\n---\n${body}\n`,
    );
  }
  return dir;
}

const ROUTES = [
  "/category/cat-1/",
  "/tag/tag7/",
  "/2000/",
  "/2000/01/",
  "/2000/01/02/",
  "/?s=volcano",
  "/search/harbour%20flight/",
  "/sitemap.xml",
];

async function rate(worker: LocalWorker, path: string): Promise<number> {
  let count = 0;
  const end = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const res = await worker.fetch(path);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        count++;
      }
    }),
  );
  return count / SECONDS;
}

const dirs = [blog(10), blog(LARGE)];
const stores: string[] = [];
for (const dir of dirs) stores.push((await publishSite(dir)).persistTo);
const bundle = await bundleWorker();
const workers: LocalWorker[] = [];
for (const persistTo of stores) workers.push(await startWorker({ code: { path: bundle.path }, persistTo }));
try {
  console.log(`route                       10 posts req/s   ${LARGE} posts req/s   ratio`);
  for (const path of ROUTES) {
    const totals = [0, 0];
    for (const w of workers) await rate(w, path); // warm each isolate's caches once
    for (let r = 0; r < ROUNDS; r++) {
      for (const [i, w] of (r % 2 === 0 ? workers : [...workers].reverse()).entries()) {
        const which = r % 2 === 0 ? i : 1 - i;
        totals[which] = (totals[which] ?? 0) + (await rate(w, path));
      }
    }
    const [small = 0, large = 0] = totals.map((t) => t / ROUNDS);
    console.log(
      `${path.padEnd(28)}${small.toFixed(0).padStart(14)}${large.toFixed(0).padStart(18)}${(large / small).toFixed(2).padStart(9)}`,
    );
  }
} finally {
  await Promise.all(workers.map((w) => w.close()));
  for (const d of [...dirs, ...stores, bundle.outdir]) rmSync(d, { recursive: true, force: true });
}
