/**
 * `publish`: reads the content folder, checks every file, and only if all is well writes the new
 * release to KV (local by default). Prints what changes before and after.
 */
import { resolve } from "node:path";
import { readSite } from "../build/read-site.ts";
import { formatProblem } from "../content/problem.ts";
import { publishBuild } from "../store/publish.ts";
import type { CliDeps } from "./deps.ts";
import { loadContent } from "./load-content.ts";

export interface PublishArgs {
  content: string;
  dryRun: boolean;
  remote: boolean;
  config: string;
  persistTo: string | null;
}

export async function publishCommand(args: PublishArgs, deps: CliDeps): Promise<number> {
  const root = resolve(deps.cwd, args.content);
  const now = deps.now();
  const reading = readSite(await loadContent(root), {}, now.getTime());
  deps.stdout(`Read ${args.content}: ${reading.posts} posts, ${reading.pages} pages, ${reading.skipped.length} skipped`);
  for (const s of reading.skipped) deps.stdout(`  skipped ${s.path}: ${s.reason}`);
  if (reading.build === null) {
    deps.stderr(`Nothing was published: ${reading.problems.length} problem${reading.problems.length === 1 ? "" : "s"} to fix first.`);
    for (const p of reading.problems) deps.stderr(formatProblem(p));
    return 1;
  }

  const kv = await deps.openKv({ remote: args.remote, configPath: resolve(deps.cwd, args.config), persistTo: args.persistTo });
  try {
    const result = await publishBuild(kv.port, reading.build, { now, dryRun: args.dryRun });
    const { plan } = result;
    deps.stdout(
      `Plan for ${kv.label}: ${plan.added.length} added, ${plan.changed.length} changed, ${plan.removed.length} removed, ${plan.unchanged} unchanged paths; ${result.newBlobs.length} new values`,
    );
    for (const [label, paths] of [
      ["+", plan.added],
      ["~", plan.changed],
      ["-", plan.removed],
    ] as const) {
      for (const path of paths.slice(0, 20)) deps.stdout(`  ${label} ${path}`);
      if (paths.length > 20) deps.stdout(`  ${label} … and ${paths.length - 20} more`);
    }
    if (args.dryRun) deps.stdout("Dry run: nothing was written.");
    else if (result.same) deps.stdout(`Already live: release ${result.release.id} (nothing to write).`);
    else deps.stdout(`Wrote ${result.written} keys. Release ${result.release.id} (#${result.release.seq}) is live.`);
    return 0;
  } finally {
    await kv.close();
  }
}
