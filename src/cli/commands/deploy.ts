/**
 * `deploy`: the whole site live on the real account in one command. Content is checked first (bad
 * content stops everything before the Worker changes), then its media are put in the static assets
 * folder and `wrangler deploy` uploads the Worker with them, then the release is published to the real
 * namespace. The Worker serves whatever release the pointer names, so deploying the code first never
 * shows a half-published site.
 */
import { resolve } from "node:path";
import type { CliDeps } from "../deps.ts";
import { optionalWranglerConfig } from "../kv/wrangler-config.ts";
import { stageMedia } from "../media-assets.ts";
import { type PublishArgs, publishChecked, readCheckedSite } from "./publish.ts";

/** The same options as publish: the content, the namespace, the write budget, where media go. */
export type DeployArgs = PublishArgs;

export async function deployCommand(args: DeployArgs, deps: CliDeps): Promise<number> {
  const site = await readCheckedSite(args.content, deps);
  if (site === null) return 1;
  const config = await optionalWranglerConfig(args.target.configPath);
  const assetsDir = args.assets === null ? (config?.assetsDir ?? null) : resolve(deps.cwd, args.assets);
  if (assetsDir !== null) {
    const staged = await stageMedia(site.media, assetsDir);
    deps.stdout(
      `Media for the Worker's static assets: ${site.media.length} files (${staged.copied} copied, ${staged.removed} removed) in ${assetsDir}`,
    );
  } else if (site.media.length > 0) {
    deps.stderr(`Nothing was deployed: ${site.media.length} media files need wrangler.toml's [assets] directory.`);
    return 1;
  }
  const wranglerArgs = ["deploy", "--config", args.target.configPath, ...(args.dryRun ? ["--dry-run"] : [])];
  deps.stdout(`Deploying the Worker: wrangler ${wranglerArgs.join(" ")}`);
  const code = await deps.runWrangler(wranglerArgs);
  if (code !== 0) {
    deps.stderr(`wrangler deploy failed (exit ${code}); the content was not published.`);
    return 1;
  }
  return publishChecked(site, { ...args, target: { ...args.target, remote: true } }, deps, true);
}
