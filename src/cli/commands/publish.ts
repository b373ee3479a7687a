/**
 * `publish`: reads the content folder, checks every file, and only if all is well writes the new
 * release to KV (local by default) and puts its media files where the Worker's static assets come
 * from. Prints the plan with the KV writes and deletes it will spend, progress on large sites, and
 * the result.
 */
import { join, resolve } from "node:path";
import { compileSite } from "../../compile/compile-site.ts";
import type { SiteBuild } from "../../compile/types.ts";
import type { MediaFile } from "../../content/content-files.ts";
import type { Template } from "../../content/jekyll/templates.ts";
import { formatProblem, formatWarning } from "../../content/problem.ts";
import { KvLimitError } from "../../store/kv-limits.ts";
import { BudgetError, type PublishPlan, type PublishProgress, type PublishResult, publishBuild } from "../../store/publish.ts";
import { readHistory } from "../../store/rollback.ts";
import { builtInTheme } from "../../theme/built-in-theme.ts";
import { readBuiltInFiles } from "../built-in-files.ts";
import type { CliDeps, KvTarget } from "../deps.ts";
import { optionalWranglerConfig } from "../kv/wrangler-config.ts";
import { loadContent } from "../load-content.ts";
import { assetCountVerdict, mediaDigest, stageMedia } from "../media-assets.ts";
import { sassCompiler } from "../sass-compiler.ts";

export interface PublishArgs {
  content: string;
  dryRun: boolean;
  target: KvTarget;
  /** At most this many KV writes (else wrangler.toml's `[vars] budget`, else no limit). */
  budget: number | null;
  /** With a budget too small for the whole publish, write what fits and finish on a later run. */
  slice: boolean;
  /** Where media files go, instead of wrangler.toml's `[assets] directory`. */
  assets: string | null;
  /** Local only: show drafts and future posts (the release is then a preview). */
  preview?: { drafts: boolean; future: boolean };
}

export interface CheckedSite {
  build: SiteBuild;
  media: MediaFile[];
}

/** Plan lines shown per kind before "… and N more". */
const PLAN_LINES = 20;

export async function publishCommand(args: PublishArgs, deps: CliDeps): Promise<number> {
  const site = await readCheckedSite(args.content, deps, args.preview);
  if (site === null) return 1;
  return publishChecked(site, args, deps);
}

/** Reads and checks the content folder; prints every problem and returns null when there are any. */
export async function readCheckedSite(
  content: string,
  deps: CliDeps,
  preview: { drafts: boolean; future: boolean } = { drafts: false, future: false },
): Promise<CheckedSite | null> {
  const root = resolve(deps.cwd, content);
  const files = await loadContent(root, { drafts: preview.drafts, name: content });
  // Posts dated after now are scheduled: the release serves them from their date on.
  // The built-in theme completes a site's own (its layouts and includes where the site has none).
  const builtIn = builtInTheme(await readBuiltInFiles());
  const reading = compileSite(files, {}, deps.now().getTime(), preview, sassCompiler(root), builtIn);
  deps.stdout(
    `Read ${content}: ${reading.posts} posts, ${reading.pages} pages, ${reading.media.length} media files, ${reading.skipped.length} skipped`,
  );
  for (const s of reading.skipped) deps.stdout(`  skipped ${s.path}: ${s.reason}`);
  if (reading.templates.length > 0) {
    deps.stdout(
      `Left out ${reading.templates.length} Liquid template${reading.templates.length === 1 ? "" : "s"} (only Jekyll runs them):`,
    );
    for (const t of reading.templates) deps.stdout(`  ${t.source} (${t.path}): ${describeEquivalent(t)}`);
  }
  for (const w of reading.warnings) deps.stderr(formatWarning(w));
  if (reading.build === null) {
    deps.stderr(`Nothing was published: ${reading.problems.length} problem${reading.problems.length === 1 ? "" : "s"} to fix first.`);
    for (const p of reading.problems) deps.stderr(formatProblem(p));
    return null;
  }
  // Checked before anything is written or uploaded: Cloudflare refuses a Worker version with more assets.
  const assets = assetCountVerdict(reading.media.length);
  if (assets !== null && "error" in assets) {
    deps.stderr(`Nothing was published: ${assets.error}.`);
    return null;
  }
  if (assets !== null) deps.stderr(`Warning: ${assets.warning}.`);
  return { build: reading.build, media: reading.media };
}

/**
 * Publishes a checked site. `deployed`: the media were just uploaded with the Worker (`deploy`), so a
 * remote publish need not check that the live Worker has them.
 */
export async function publishChecked(site: CheckedSite, args: PublishArgs, deps: CliDeps, deployed = false): Promise<number> {
  const config = await optionalWranglerConfig(args.target.configPath);
  const media = mediaDigest(site.media);
  if (args.target.remote && site.build.preview) {
    deps.stderr("Nothing was published: this build shows drafts or future posts, which only a local preview may.");
    return 1;
  }
  const kv = await deps.openKv(args.target);
  try {
    if (args.target.remote && !deployed && !args.dryRun) {
      const live = (await readHistory(kv.port)).live;
      if ((live?.media ?? "") !== media) {
        deps.stderr(
          `Nothing was published: the media files (${site.media.length}) differ from the ones the deployed Worker serves. Run \`npm run deploy\`, which uploads them with the Worker and then publishes.`,
        );
        return 1;
      }
    }
    const assetsDir = mediaFolder(args, config?.assetsDir ?? null, deps);
    if (!args.target.remote && !args.dryRun) {
      if (assetsDir === null) {
        if (site.media.length > 0)
          deps.stderr(`Warning: ${site.media.length} media files not published: wrangler.toml names no [assets] directory.`);
      } else {
        const staged = await stageMedia(site.media, assetsDir);
        if (staged.copied + staged.removed > 0)
          deps.stdout(`Media: ${staged.copied} copied, ${staged.removed} removed, ${staged.unchanged} unchanged in ${assetsDir}`);
      }
    }
    let result: PublishResult;
    try {
      result = await publishBuild(kv.port, site.build, {
        now: deps.now(),
        dryRun: args.dryRun,
        budget: args.budget ?? config?.budget ?? null,
        slice: args.slice,
        media,
        onPlan: (plan) => printPlan(plan, kv.label, deps),
        onProgress: progressPrinter(deps),
      });
    } catch (error) {
      if (error instanceof BudgetError) {
        deps.stderr(
          `Nothing was published: ${error.message}. Raise --budget, or add --slice to write what fits now and finish on a later run.`,
        );
        return 1;
      }
      if (!(error instanceof KvLimitError)) throw error;
      deps.stderr(`Nothing was published: ${error.message}`);
      return 1;
    }
    printResult(result, args, deps);
    return 0;
  } finally {
    await kv.close();
  }
}

/**
 * Where local media files go: `--assets DIR`; else, for a store of its own (`--persist-to DIR`), DIR/assets
 * beside it; else wrangler.toml's `[assets] directory`, which `npm run dev` serves.
 */
export function mediaFolder(
  args: Pick<PublishArgs, "assets" | "target">,
  configured: string | null,
  deps: Pick<CliDeps, "cwd">,
): string | null {
  if (args.assets !== null) return resolve(deps.cwd, args.assets);
  if (args.target.persistTo !== null) return join(args.target.persistTo, "assets");
  return configured;
}

function printResult(result: PublishResult, args: PublishArgs, deps: CliDeps): void {
  if (args.dryRun) deps.stdout("Dry run: nothing was written.");
  else if (result.partial) {
    deps.stdout(
      `Wrote ${result.written} of the ${result.newValues} new values within the budget; release ${result.previous?.id ?? "(none)"} is still live. Run the same publish again (on a later day on KV's free plan) to go on.`,
    );
  } else if (result.prepared.same) deps.stdout(`Already live: release ${result.release.id} (nothing new to write).`);
  else deps.stdout(`Wrote ${result.written} keys. Release ${result.release.id} (#${result.release.seq}) is live.`);
  const c = result.cleanup;
  if (c !== null && c.deleted > 0) deps.stdout(`Cleaned up ${c.deleted} values no kept release uses.`);
  if (c !== null && c.remaining > 0) deps.stdout(`${c.remaining} more are left for later publishes (delete budget).`);
}

/** What answers at a left-out template's address now. */
function describeEquivalent({ path, equivalent }: Template): string {
  if (equivalent === null) return "nothing answers there now";
  if (equivalent.kind === "feed") {
    return `the site's feed answers there (${equivalent.format === "rss" ? "RSS" : "Atom"}, with the entry ids its subscribers have)`;
  }
  const ours = {
    "json-feed": ["/feed.json", "the JSON feed"],
    sitemap: ["/sitemap.xml", "the sitemap"],
    home: ["/", "the home page"],
    search: ["/search/", "search"],
    robots: ["/robots.txt", "robots.txt"],
  } as const;
  if (equivalent.kind === "archive") return `it moves to the archive ${equivalent.path}`;
  const [target, name] = ours[equivalent.kind];
  return target === path ? `${name} answers there` : `it moves to ${name} (${target})`;
}

function printPlan(plan: PublishPlan, label: string, deps: CliDeps): void {
  deps.stdout(
    `Plan for ${label}: ${plan.added.length} added, ${plan.changed.length} changed, ${plan.removed.length} removed, ${plan.unchanged} unchanged paths; ${plan.writes} KV writes (${plan.newValues} new values, ${mib(plan.bytes)}), ${plan.deletes} deletes${plan.deletesLeft > 0 ? ` (${plan.deletesLeft} left for later)` : ""}`,
  );
  for (const [sign, paths] of [
    ["+", plan.added],
    ["~", plan.changed],
    ["-", plan.removed],
  ] as const) {
    for (const path of paths.slice(0, PLAN_LINES)) deps.stdout(`  ${sign} ${path}`);
    if (paths.length > PLAN_LINES) deps.stdout(`  ${sign} … and ${paths.length - PLAN_LINES} more`);
  }
}

function mib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1048576).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** Progress in counts, about ten lines for a large publish and none for a small one. */
function progressPrinter(deps: CliDeps): (p: PublishProgress) => void {
  let lastTenth = 0;
  return (p) => {
    if (p.phase !== "values" || p.total < 200 || p.done === 0) return;
    const tenth = Math.floor((p.done / p.total) * 10);
    if (tenth > lastTenth || p.done === p.total) {
      lastTenth = tenth;
      deps.stdout(`  writing values: ${p.done}/${p.total}`);
    }
  };
}
