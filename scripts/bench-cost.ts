/**
 * What readers cost: KV reads and Worker invocations per 1,000 page views, on etiago (the real blog
 * beside the repository) and on a generated 10,000-post blog. The Worker's own app runs in this
 * process over the site published into memory, with a KV binding that counts every read, on a
 * simulated clock:
 *
 * - cold: every view lands on a fresh isolate (nothing cached, the pointer not yet read);
 * - one isolate, a view every 10 s: the pointer is older than 5 s on every view, pages and buckets stay;
 * - one isolate, a view every second: the pointer is re-read every fifth view.
 *
 * Views are of pages drawn uniformly from every page of the site (seeded), which is the worst case for
 * caches: a real blog's readers crowd onto its home page and newest posts. Node has no Cache API, so
 * the data centre's cache and Cloudflare's cache in front of the Worker are left out: these are the
 * reads when both miss. Media are static assets and cost neither reads nor invocations.
 *
 *   npm run bench:cost -- [--sites etiago,10000] [--views 1000]
 */
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generateSite } from "./bench/generate-site.ts";
import { CountingKv, publishInMemory, workerApp } from "./bench/memory-store.ts";
import { BROWSER_HEADERS } from "./bench/routes.ts";

const { values } = parseArgs({
  options: { sites: { type: "string", default: "etiago,10000" }, views: { type: "string", default: "1000" } },
});
const VIEWS = Number(values.views);
if (!Number.isInteger(VIEWS) || VIEWS < 1) throw new Error(`--views takes a whole number, not "${values.views}"`);
const ETIAGO = resolve(import.meta.dirname, "../../shared/corpus/etiago");

interface Scenario {
  name: string;
  /** A fresh isolate for every view, or one isolate for all of them with this many ms between views. */
  gapMs: number | "fresh isolate";
}

const SCENARIOS: Scenario[] = [
  { name: "cold: a fresh isolate for every view", gapMs: "fresh isolate" },
  { name: "one isolate, a view every 10 s", gapMs: 10_000 },
  { name: "one isolate, a view every second", gapMs: 1_000 },
];

/** mulberry32: the same views on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Figures {
  reads: number;
  kib: number;
  statuses: Map<number, number>;
}

async function views(data: Map<string, string>, pages: readonly string[], scenario: Scenario): Promise<Figures> {
  const kv = new CountingKv(data);
  const draw = random(1);
  let clock = Date.now();
  const now = () => clock;
  let app = await workerApp(now);
  const statuses = new Map<number, number>();
  for (let i = 0; i < VIEWS; i++) {
    if (scenario.gapMs === "fresh isolate") app = await workerApp(now);
    else clock += scenario.gapMs;
    const path = pages[Math.floor(draw() * pages.length)] ?? "/";
    const res = await app.request(`https://blog.example${encodeURI(path)}`, { headers: BROWSER_HEADERS }, { BLOG: kv });
    await res.arrayBuffer();
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  }
  return { reads: kv.reads, kib: kv.bytes / 1024, statuses };
}

const rows: string[] = [];
for (const name of String(values.sites).split(",")) {
  const site = name.trim();
  const dir = site === "etiago" ? null : await mkdtemp(join(tmpdir(), "edgepress-cost-"));
  try {
    let content = ETIAGO;
    if (dir !== null) {
      const posts = Number(site);
      if (!Number.isInteger(posts) || posts < 1) throw new Error(`--sites takes etiago or a number of posts, not "${site}"`);
      content = join(dir, "site");
      await generateSite(content, posts);
    }
    const label = site === "etiago" ? "etiago" : `${Number(site).toLocaleString("en")} posts`;
    console.log(`${label}: publishing into memory …`);
    const { data, pages } = await publishInMemory(content);
    for (const scenario of SCENARIOS) {
      const f = await views(data, pages, scenario);
      const ok = [...f.statuses.entries()].map(([status, n]) => `${n}× ${status}`).join(", ");
      const perThousand = (n: number) => ((n / VIEWS) * 1000).toFixed(0);
      rows.push(
        `| ${label} (${pages.length.toLocaleString("en")} pages) | ${scenario.name} | ${perThousand(f.reads)} | ${(((f.kib / VIEWS) * 1000) / 1024).toFixed(1)} MiB | ${perThousand(VIEWS)} | ${ok} |`,
      );
      console.log(`  ${scenario.name}: ${f.reads} reads, ${f.kib.toFixed(0)} KiB for ${VIEWS} views (${ok})`);
    }
  } finally {
    if (dir !== null) await rm(dir, { recursive: true, force: true });
  }
}
console.log(`\nNode ${process.version}; ${cpus().length} × ${cpus()[0]?.model.trim()}; ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM\n`);
console.log("| site | views | KV reads per 1,000 views | bytes read per 1,000 views | Worker invocations per 1,000 views | answers |");
console.log("| --- | --- | --- | --- | --- | --- |");
for (const row of rows) console.log(row);
