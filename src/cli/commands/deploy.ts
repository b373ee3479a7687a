/**
 * `deploy`: the whole site live on the real account in one command. Content is checked first (bad
 * content stops everything before the Worker changes), then `wrangler deploy`, then the publish to
 * the real namespace. The Worker serves whatever release the pointer names, so deploying the code
 * first never shows a half-published site.
 */
import type { CliDeps, KvTarget } from "../deps.ts";
import { publishChecked, readCheckedSite } from "./publish.ts";

export async function deployCommand(args: { content: string; dryRun: boolean; target: KvTarget }, deps: CliDeps): Promise<number> {
  const build = await readCheckedSite(args.content, deps);
  if (build === null) return 1;
  const wranglerArgs = ["deploy", "--config", args.target.configPath, ...(args.dryRun ? ["--dry-run"] : [])];
  deps.stdout(`Deploying the Worker: wrangler ${wranglerArgs.join(" ")}`);
  const code = await deps.runWrangler(wranglerArgs);
  if (code !== 0) {
    deps.stderr(`wrangler deploy failed (exit ${code}); the content was not published.`);
    return 1;
  }
  return publishChecked(build, { content: args.content, dryRun: args.dryRun, target: { ...args.target, remote: true } }, deps);
}
