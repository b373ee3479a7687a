/**
 * `dev` (`npm run dev`, `npm start`): the site as readers will see it, at http://127.0.0.1:8787, kept
 * up to date while you write. It publishes the content folder into local KV, runs `wrangler dev` on
 * it behind a small front server (dev/preview-server.ts), and on every save publishes what changed
 * and updates the open tabs whose page changed; a save that breaks a file shows why over the page.
 * `--drafts` and `--future` show drafts and posts dated later, labelled: local only, by construction.
 */
import { createServer } from "node:net";
import type { CliDeps, KvTarget } from "../deps.ts";
import { startPreviewServer } from "../dev/preview-server.ts";
import { type PreviewFlags, PreviewSession } from "../dev/preview-session.ts";
import { watchFolder } from "../dev/watch-folder.ts";
import { optionalWranglerConfig } from "../kv/wrangler-config.ts";
import { mediaFolder } from "./publish.ts";

export interface DevArgs extends PreviewFlags {
  content: string;
  target: KvTarget;
  assets: string | null;
  host: string;
  port: number;
}

export async function devCommand(args: DevArgs, deps: CliDeps): Promise<number> {
  const config = await optionalWranglerConfig(args.target.configPath);
  const assetsDir = mediaFolder(args, config?.assetsDir ?? null, deps);
  const kv = await deps.openKv(args.target);
  const stops: Array<() => unknown> = [() => kv.close()];
  try {
    const session = new PreviewSession(args.content, args, kv, assetsDir, deps);
    const first = await session.publish();
    if (first.ok) deps.stdout(`Published ${args.content} into ${kv.label} in ${Math.round(first.ms)} ms.`);

    const upstreamPort = await freePort(args.host);
    const server = await startPreviewServer({ host: args.host, port: args.port, upstream: `http://${args.host}:${upstreamPort}` });
    stops.push(() => server.close());
    if (!first.ok) server.send({ type: "problems", lines: first.lines });

    let running: Promise<void> | null = null;
    let again = false;
    const republish = async (): Promise<void> => {
      // Tabs reload as soon as the release is live; the history and clean-up finish meanwhile.
      let told = false;
      const result = await session.publish((changed) => {
        told = true;
        server.send({ type: "published", ...changed });
      });
      if (!result.ok) {
        server.send({ type: "problems", lines: result.lines });
        return;
      }
      if (!told) server.send({ type: "published", paths: result.paths, media: result.media });
      const what = result.paths.length + result.media.length;
      const { read, compile, pack, write } = result.steps;
      deps.stdout(
        `Saved: ${what} address${what === 1 ? "" : "es"} changed, ${result.writes} KV writes, ${result.parsed} files read anew, ${result.rendered} rendered, ${result.styles} stylesheet${result.styles === 1 ? "" : "s"} compiled, ${result.packed} buckets packed; live in ${Math.round(result.liveMs)} ms (read ${Math.round(read)}, compile ${Math.round(compile)}, pack ${Math.round(pack)}, write ${Math.round(write)}), done in ${Math.round(result.ms)} ms`,
      );
    };
    const onSave = () => {
      if (running !== null) {
        again = true;
        return;
      }
      running = (async () => {
        do {
          again = false;
          await republish().catch((error) => deps.stderr(`Error: ${error instanceof Error ? error.message : String(error)}`));
        } while (again);
        running = null;
      })();
    };
    stops.push(watchFolder(args.content, onSave));

    const shown = [args.drafts ? "drafts" : null, args.future ? "future posts" : null].filter((s) => s !== null);
    deps.stdout(
      `Preview at http://${args.host}:${args.port}/ (watching ${args.content}${shown.length > 0 ? `; showing ${shown.join(" and ")}, labelled` : ""}). Ctrl+C stops it.`,
    );
    const wranglerArgs = [
      "dev",
      "--local",
      "--ip",
      args.host,
      "--port",
      String(upstreamPort),
      "--config",
      args.target.configPath,
      // Read the release pointer on every request (src/env.ts); never set in wrangler.toml, so never deployed.
      "--var",
      "EDGEPRESS_PREVIEW:1",
      // Answer in the encoding the client asked for, not the one wrangler's local proxy adds (src/env.ts).
      "--var",
      "LOCAL_DEV:wrangler",
      ...(args.target.persistTo === null ? [] : ["--persist-to", args.target.persistTo]),
      ...(assetsDir === null ? [] : ["--assets", assetsDir]),
    ];
    return await deps.runWrangler(wranglerArgs);
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}

/** A port no one listens on, for the `wrangler dev` behind the front server. */
function freePort(host: string): Promise<number> {
  return new Promise((found, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => found(port));
    });
  });
}
