/**
 * Publishing at scale, and what it costs in KV's daily allowance. For each site (etiago, the real blog
 * beside the repository, and generated blogs of 1,000 and 10,000 posts) it publishes into a fresh local
 * KV, edits one post (its title and body) and publishes again, then publishes once more with no
 * change; etiago, with a theme of its own, once more after an edit of its CSS. Each publish runs the real CLI in its own process, so its peak RSS is its own (workerd, which
 * holds local KV, is a separate process and not counted); KV writes, deletes and bytes are the
 * publish's own plan, checked against what it reports writing. `--media-mb M` adds M MiB of images
 * (250 KiB each, random bytes, as photos are incompressible) to the generated sites, as an exported
 * site's uploads folder does; they are published as static assets, not into KV.
 *
 *   npm run bench:publish -- [--sites etiago,1000,10000] [--media-mb M]
 */
import { randomBytes } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { runCliAsChild, spawnCliChild } from "./bench/cli-child.ts";

const { values } = parseArgs({
  options: {
    sites: { type: "string", default: "etiago,1000,10000" },
    "media-mb": { type: "string", default: "0" },
    child: { type: "boolean", default: false },
  },
  allowPositionals: true,
  strict: false,
});

// Publishing only: a run that tried to start wrangler would fail rather than measure it.
if (values.child) await runCliAsChild((deps) => ({ ...deps, runWrangler: async () => 1 }));

const ETIAGO = resolve(import.meta.dirname, "../../shared/corpus/etiago");
const MEDIA_MIB = Number(values["media-mb"]);
const MEDIA_FILE_BYTES = 250 * 1024;

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

function generatedFile(content: string, i: number): string {
  const day = new Date(Date.UTC(2000, 0, 1) + i * 86_400_000 * 0.7).toISOString().slice(0, 10);
  return join(content, "posts", `${day}-post-${i}.md`);
}

interface Site {
  name: string;
  /** Writes the site into `content`, and returns how to edit one of its posts. */
  make(content: string): Promise<() => Promise<void>>;
  /** For a site with a theme of its own: how to edit its CSS (a stylesheet and a Sass file). */
  themeEdit?: (content: string) => Promise<void>;
}

function siteOf(name: string): Site {
  if (name === "etiago") {
    return {
      name: "etiago (../shared/corpus/etiago)",
      async make(content) {
        await cp(ETIAGO, content, { recursive: true });
        const post = join(content, "_posts", "2009-10-15-sidekick-data-recovered-most-of-it-maybe-all.md");
        return async () => {
          const text = await readFile(post, "utf8");
          await writeFile(post, `${text.replace(/^title: (.*)$/m, "title: $1 (updated)")}\n\nAn update, years later.\n`);
        };
      },
      async themeEdit(content) {
        const css = join(content, "static/css/main.css");
        await writeFile(css, `${await readFile(css, "utf8")}\na { color: teal; }\n`);
        const sass = join(content, "static/css/projects.scss");
        await writeFile(sass, (await readFile(sass, "utf8")).replace("$text_size: 13px;", "$text_size: 14px;"));
      },
    };
  }
  const posts = Number(name);
  if (!Number.isInteger(posts) || posts < 1) throw new Error(`--sites takes etiago or a number of posts, not "${name}"`);
  return {
    name: `${posts} generated posts${MEDIA_MIB > 0 ? ` and ${MEDIA_MIB} MiB of images` : ""}`,
    async make(content) {
      await mkdir(join(content, "posts"), { recursive: true });
      await writeFile(join(content, "_config.yml"), "title: Bench\nauthor: Bench\ntimezone: UTC\npaginate: 10\n");
      for (let i = 0; i < posts; i++) await writeFile(generatedFile(content, i), postText(i));
      for (let i = 0; i < Math.ceil((MEDIA_MIB * 1024 * 1024) / MEDIA_FILE_BYTES); i++) {
        const folder = join(content, "wp-content", "uploads", String(2000 + (i % 20)));
        await mkdir(folder, { recursive: true });
        await writeFile(join(folder, `photo-${i}.jpg`), randomBytes(MEDIA_FILE_BYTES));
      }
      const half = Math.floor(posts / 2);
      return () => writeFile(generatedFile(content, half), postText(half, true));
    },
  };
}

interface Figures {
  seconds: number;
  maxRssMiB: number;
  written: number;
  writes: number;
  deletes: number;
  bytes: string;
}

async function publish(label: string, content: string, state: string): Promise<Figures> {
  const run = await spawnCliChild(
    "scripts/bench-publish.ts",
    ["publish", "--content", content, "--persist-to", state],
    `${label} publish`,
    (line) => {
      if (line.startsWith("Wrote") || line.startsWith("Plan")) console.log(`  [${label}] ${line.trim()}`);
    },
  );
  const plan = /(\d+) KV writes \(\d+ new values, ([\d.]+ [KM]iB)\), (\d+) deletes/.exec(run.out);
  if (plan === null) throw new Error(`${label} publish printed no plan\n${run.out}`);
  const written = Number(/Wrote (\d+) keys/.exec(run.out)?.[1] ?? 0);
  const writes = Number(plan[1]);
  // The plan is what the publish promised; what it reports writing must agree.
  if (written !== writes) throw new Error(`${label}: planned ${writes} writes, wrote ${written}`);
  return { seconds: run.seconds, maxRssMiB: run.maxRssMiB, written, writes, deletes: Number(plan[3]), bytes: plan[2] ?? "" };
}

const rows: string[] = [];
for (const name of String(values.sites).split(",")) {
  const site = siteOf(name.trim());
  const dir = await mkdtemp(join(tmpdir(), "edgepress-bench-"));
  try {
    const content = join(dir, "content");
    const state = join(dir, "state");
    console.log(`${site.name}: preparing in ${content} …`);
    const edit = await site.make(content);
    const full = await publish(`${name} full`, content, state);
    await edit();
    const edited = await publish(`${name} edit`, content, state);
    const same = await publish(`${name} unchanged`, content, state);
    const row = (what: string, f: Figures) =>
      `| ${site.name} | ${what} | ${f.writes} | ${f.deletes} | ${f.bytes} | ${f.seconds.toFixed(1)} s | ${f.maxRssMiB.toFixed(0)} MiB | ${(f.seconds / full.seconds).toFixed(2)} |`;
    rows.push(row("first publish, into empty local KV", full), row("after editing one post", edited), row("nothing changed", same));
    if (site.themeEdit !== undefined) {
      await site.themeEdit(content);
      rows.push(row("after editing the theme's CSS (main.css and projects.scss)", await publish(`${name} theme CSS`, content, state)));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
console.log(`\nNode ${process.version}; ${cpus().length} × ${cpus()[0]?.model.trim()}; ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM\n`);
console.log("| site | publish | KV writes | KV deletes | bytes written | time | peak RSS (publisher) | time vs first |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
for (const row of rows) console.log(row);
