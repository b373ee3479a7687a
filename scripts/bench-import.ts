/**
 * Importing at scale: generates a 1,000-item and a 10,000-item WordPress export (scripts/bench/generate-wxr.ts),
 * imports each into an empty folder in its own process and reports time and peak RSS. Memory is bounded
 * when the 10,000-item import peaks at about what the 1,000-item one does (the export is read as a
 * stream, never whole). Usage: npm run bench:import -- [--items N]   (the larger size; default 10000)
 */
import { mkdtemp, rm, stat } from "node:fs/promises";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type ChildFigures, runCliAsChild, spawnCliChild } from "./bench/cli-child.ts";
import { generateWxr } from "./bench/generate-wxr.ts";

const { values } = parseArgs({
  options: { items: { type: "string", default: "10000" }, child: { type: "boolean", default: false } },
  allowPositionals: true,
  strict: false,
});

if (values.child) await runCliAsChild();

function runImport(file: string, out: string, label: string): Promise<ChildFigures> {
  return spawnCliChild("scripts/bench-import.ts", ["import", file, "--out", out], `${label} import`, (line) => {
    if (/^ {2}converted|^Wrote/.test(line)) console.log(`  [${label}] ${line.trim()}`);
  });
}

const large = Number(values.items);
const small = Math.max(1, Math.round(large / 10));
const dir = await mkdtemp(join(tmpdir(), "edgepress-bench-import-"));
try {
  const rows: string[] = [];
  let base: ChildFigures | null = null;
  for (const n of [small, large]) {
    const file = join(dir, `export-${n}.xml`);
    await generateWxr(file, n);
    const mib = (await stat(file)).size / 2 ** 20;
    console.log(`Importing ${n} items (${mib.toFixed(1)} MiB export) …`);
    const f = await runImport(file, join(dir, `site-${n}`), `${n}`);
    base ??= f;
    rows.push(
      `| ${n.toLocaleString("en")} items, ${mib.toFixed(1)} MiB | ${f.seconds.toFixed(1)} s | ${((f.seconds / n) * 1000).toFixed(2)} ms | ${f.maxRssMiB.toFixed(0)} MiB | ${(f.maxRssMiB / base.maxRssMiB).toFixed(2)} |`,
    );
  }
  console.log(`\nNode ${process.version}; ${cpus().length} × ${cpus()[0]?.model.trim()}; ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM\n`);
  console.log(`| export | time | per item | peak RSS | peak RSS vs ${small.toLocaleString("en")} items |`);
  console.log("| --- | --- | --- | --- | --- |");
  for (const row of rows) console.log(row);
} finally {
  await rm(dir, { recursive: true, force: true });
}
