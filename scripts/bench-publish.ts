/**
 * Publish at scale: generates a site of N posts (default 10,000) in a temp folder, publishes it into
 * a fresh local KV, edits one post and publishes again, then publishes once more with no change.
 * Each publish runs in its own process, so its peak RSS is its own (workerd, which holds local KV,
 * is a separate process and not counted). `--media-mb M` adds M MiB of images (250 KiB each, random
 * bytes, as photos are incompressible) beside the posts, as an exported site's uploads folder does.
 * Usage: npm run bench:publish -- [--posts N] [--media-mb M]
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    posts: { type: "string", default: "10000" },
    "media-mb": { type: "string", default: "0" },
    child: { type: "boolean", default: false },
  },
  allowPositionals: true,
  strict: false,
});

if (values.child) {
  // Child: one real CLI run, then its own figures on the last line.
  const { main } = await import("../src/cli/main.ts");
  const { processDeps } = await import("../src/cli/process-deps.ts");
  const started = performance.now();
  // Publishing only: a run that tried to start wrangler would fail rather than measure it.
  const code = await main(
    process.argv.slice(2).filter((a) => a !== "--child"),
    { ...processDeps(), runWrangler: async () => 1 },
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(`BENCH ${JSON.stringify({ code, seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024 })}`);
  process.exit(code);
}

const posts = Number(values.posts);
const mediaMiB = Number(values["media-mb"]);
const MEDIA_FILE_BYTES = 250 * 1024;
const dir = await mkdtemp(join(tmpdir(), "edgepress-bench-"));
const content = join(dir, "content");
const state = join(dir, "state");

function body(i: number): string {
  const para = `Post ${i} talks about keeping a blog alive at the edge: caching, publishing, backups and the odd *emphasis* or [link](https://example.com/${i}).`;
  return [
    para,
    "",
    "<!--more-->",
    "",
    `## Section ${i}`,
    "",
    para.repeat(4),
    "",
    "- one\n- two\n- three",
    "",
    `\`\`\`js\nconsole.log(${i});\n\`\`\``,
    "",
  ].join("\n");
}

function postText(i: number, edited = false): string {
  const day = new Date(Date.UTC(2000, 0, 1) + i * 86_400_000 * 0.7).toISOString().slice(0, 10);
  return `---\ntitle: "Post number ${i}${edited ? " (edited)" : ""}"\ndate: ${day} 10:00\ncategories: [c${i % 20}]\ntags: [t${i % 50}]\n---\n${body(i)}${edited ? "\nAn edit.\n" : ""}`;
}

const fileOf = (i: number) => {
  const day = new Date(Date.UTC(2000, 0, 1) + i * 86_400_000 * 0.7).toISOString().slice(0, 10);
  return join(content, "posts", `${day}-post-${i}.md`);
};

async function generate(): Promise<void> {
  await mkdir(join(content, "posts"), { recursive: true });
  await writeFile(join(content, "_config.yml"), "title: Bench\nauthor: Bench\ntimezone: UTC\npaginate: 10\n");
  for (let i = 0; i < posts; i++) await writeFile(fileOf(i), postText(i));
  const { randomBytes } = await import("node:crypto");
  const files = Math.ceil((mediaMiB * 1024 * 1024) / MEDIA_FILE_BYTES);
  for (let i = 0; i < files; i++) {
    const folder = join(content, "wp-content", "uploads", String(2000 + (i % 20)));
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, `photo-${i}.jpg`), randomBytes(MEDIA_FILE_BYTES));
  }
}

interface Figures {
  seconds: number;
  maxRssMiB: number;
  written: number;
}

function publish(label: string): Promise<Figures> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/bench-publish.ts", "--child", "publish", "--content", content, "--persist-to", state],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      out += text;
      for (const line of text.split("\n"))
        if (line.startsWith("  writing values") || line.startsWith("Wrote") || line.startsWith("Plan"))
          console.log(`  [${label}] ${line.trim()}`);
    });
    child.on("exit", (code) => {
      const bench = /BENCH (.*)/.exec(out)?.[1];
      if (code !== 0 || bench === undefined) return fail(new Error(`${label} publish failed (exit ${code})\n${out}`));
      const figures = JSON.parse(bench) as { seconds: number; maxRssMiB: number };
      done({ ...figures, written: Number(/Wrote (\d+) keys/.exec(out)?.[1] ?? 0) });
    });
  });
}

try {
  console.log(`Generating ${posts} posts${mediaMiB > 0 ? ` and ${mediaMiB} MiB of images` : ""} in ${content} …`);
  await generate();
  const full = await publish("full");
  await writeFile(fileOf(Math.floor(posts / 2)), postText(Math.floor(posts / 2), true));
  const edit = await publish("one edit");
  const same = await publish("no change");
  const row = (name: string, f: Figures) =>
    `| ${name} | ${f.seconds.toFixed(1)} s | ${f.maxRssMiB.toFixed(0)} MiB | ${f.written} | ${(f.seconds / full.seconds).toFixed(2)} |`;
  console.log(
    `\n${posts} posts${mediaMiB > 0 ? ` and ${mediaMiB} MiB of images` : ""}; Node ${process.version}; ${cpus().length} × ${cpus()[0]?.model.trim()}; ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM\n`,
  );
  console.log("| publish | time | peak RSS (publisher) | keys written | time vs full |");
  console.log("| --- | --- | --- | --- | --- |");
  console.log(row("full, into empty local KV", full));
  console.log(row("after editing one post", edit));
  console.log(row("nothing changed", same));
} finally {
  await rm(dir, { recursive: true, force: true });
}
