/**
 * `deploy`: the whole site live on the real account in one command, signed in the way wrangler is
 * (its login, or CLOUDFLARE_API_TOKEN in CI). Content is checked first (bad content stops everything
 * before the Worker changes); on a first deploy the KV namespace is created and its id written into
 * wrangler.toml; then the media are put in the static assets folder and `wrangler deploy` uploads the
 * Worker with them; then the release is published to the real namespace. The Worker serves whatever
 * release the pointer names, so deploying the code first never shows a half-published site.
 */
import { resolve } from "node:path";
import type { CliDeps } from "../deps.ts";
import { findOrCreateNamespace, namespaceTitle, writeNamespaceId } from "../kv/namespace.ts";
import type { RemoteAccount } from "../kv/open-kv.ts";
import { LOCAL_NAMESPACE_ID, optionalWranglerConfig } from "../kv/wrangler-config.ts";
import { stageMedia } from "../media-assets.ts";
import { type PublishArgs, publishChecked, readCheckedSite } from "./publish.ts";

/** The same options as publish: the content, the namespace, the write budget, where media go. */
export type DeployArgs = PublishArgs;

export async function deployCommand(args: DeployArgs, deps: CliDeps): Promise<number> {
  const site = await readCheckedSite(args.content, deps);
  if (site === null) return 1;
  const config = await optionalWranglerConfig(args.target.configPath);
  if (config === null) {
    deps.stderr(`Nothing was deployed: ${args.target.configPath} does not exist.`);
    return 1;
  }
  const firstDeploy = config.namespaceId === LOCAL_NAMESPACE_ID;
  // Who wrangler and the publish act as, found once: wrangler gets the same account the content goes to.
  let account: RemoteAccount | null = null;
  if (!args.dryRun) account = await deps.remoteAccount(args.target.configPath);
  if (firstDeploy) {
    const title = namespaceTitle(config.name);
    if (account === null) {
      deps.stdout(`Dry run: a first deploy creates the KV namespace ${title} and writes its id into ${args.target.configPath}.`);
    } else {
      const namespace = await findOrCreateNamespace(account, title);
      await writeNamespaceId(args.target.configPath, namespace.id);
      deps.stdout(
        `${namespace.created ? "Created the KV namespace" : "Found the KV namespace"} ${title} (id ${namespace.id}) and wrote its id into ${args.target.configPath}, in place of ${LOCAL_NAMESPACE_ID}. Commit that change.`,
      );
    }
  }
  const assetsDir = args.assets === null ? config.assetsDir : resolve(deps.cwd, args.assets);
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
  const code = await deps.runWrangler(wranglerArgs, account === null ? {} : { CLOUDFLARE_ACCOUNT_ID: account.accountId });
  if (code !== 0) {
    deps.stderr(`wrangler deploy failed (exit ${code}); the content was not published.`);
    return 1;
  }
  if (firstDeploy && args.dryRun) {
    deps.stdout("Dry run: nothing was written.");
    return 0;
  }
  return publishChecked(site, { ...args, target: { ...args.target, remote: true } }, deps, true);
}
