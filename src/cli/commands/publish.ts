/**
 * `publish`: reads the content folder, checks every file, and only if all is well writes the new
 * release to KV (local by default). Prints the plan, progress on large sites, and the result.
 */
import { resolve } from "node:path";
import { compileSite } from "../../compile/compile-site.ts";
import type { SiteBuild } from "../../compile/types.ts";
import type { Template } from "../../content/jekyll/templates.ts";
import { formatProblem, formatWarning } from "../../content/problem.ts";
import { KvLimitError } from "../../store/kv-limits.ts";
import { type PublishProgress, type PublishResult, publishBuild } from "../../store/publish.ts";
import type { PreparedRelease } from "../../store/release-build.ts";
import type { CliDeps, KvTarget } from "../deps.ts";
import { loadContent } from "../load-content.ts";

export interface PublishArgs {
  content: string;
  dryRun: boolean;
  target: KvTarget;
}

/** Plan lines shown per kind before "… and N more". */
const PLAN_LINES = 20;

export async function publishCommand(args: PublishArgs, deps: CliDeps): Promise<number> {
  const build = await readCheckedSite(args.content, deps);
  if (build === null) return 1;
  return publishChecked(build, args, deps);
}

/** Reads and checks the content folder; prints every problem and returns null when there are any. */
export async function readCheckedSite(content: string, deps: CliDeps): Promise<SiteBuild | null> {
  // Posts dated after now are scheduled: the release serves them from their date on.
  const reading = compileSite(await loadContent(resolve(deps.cwd, content)), {}, deps.now().getTime());
  deps.stdout(`Read ${content}: ${reading.posts} posts, ${reading.pages} pages, ${reading.skipped.length} skipped`);
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
  }
  return reading.build;
}

export async function publishChecked(build: SiteBuild, args: PublishArgs, deps: CliDeps): Promise<number> {
  const kv = await deps.openKv(args.target);
  try {
    let result: PublishResult;
    try {
      result = await publishBuild(kv.port, build, {
        now: deps.now(),
        dryRun: args.dryRun,
        onPlan: (prepared) => printPlan(prepared, kv.label, deps),
        onProgress: progressPrinter(deps),
      });
    } catch (error) {
      if (!(error instanceof KvLimitError)) throw error;
      deps.stderr(`Nothing was published: ${error.message}`);
      return 1;
    }
    if (args.dryRun) deps.stdout("Dry run: nothing was written.");
    else if (result.same) deps.stdout(`Already live: release ${result.release.id} (nothing new to write).`);
    else {
      deps.stdout(`Wrote ${result.written} keys. Release ${result.release.id} (#${result.release.seq}) is live.`);
      const c = result.cleanup;
      if (c?.skipped) deps.stderr(`Warning: old releases were not cleaned up: ${c.skipped}. Nothing served is affected.`);
      else if (c && c.releases + c.blobs > 0)
        deps.stdout(`Cleaned up ${c.releases} old releases and ${c.blobs} values no kept release uses.`);
    }
    return 0;
  } finally {
    await kv.close();
  }
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

function printPlan(result: PreparedRelease, label: string, deps: CliDeps): void {
  const { plan } = result;
  deps.stdout(
    `Plan for ${label}: ${plan.added.length} added, ${plan.changed.length} changed, ${plan.removed.length} removed, ${plan.unchanged} unchanged paths; ${result.newBlobs.length} new values`,
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

/** Progress in counts, about ten lines for a large publish and none for a small one. */
function progressPrinter(deps: CliDeps): (p: PublishProgress) => void {
  let lastTenth = 0;
  return (p) => {
    if (p.phase !== "values" || p.total < 2_000 || p.done === 0) return;
    const tenth = Math.floor((p.done / p.total) * 10);
    if (tenth > lastTenth || p.done === p.total) {
      lastTenth = tenth;
      deps.stdout(`  writing values: ${p.done}/${p.total}`);
    }
  };
}
