/** The `edgepress` command line: parses arguments, runs one command, returns its exit code. */
import { parseArgs } from "node:util";
import { backupCommand, restoreCommand } from "./commands/backup.ts";
import { deployCommand } from "./commands/deploy.ts";
import { devCommand } from "./commands/dev.ts";
import { importCommand } from "./commands/import.ts";
import { newCommand } from "./commands/new.ts";
import { previewCommand } from "./commands/preview.ts";
import { publishCommand } from "./commands/publish.ts";
import { isExportFile, publishExport } from "./commands/publish-export.ts";
import { releasesCommand, rollbackCommand } from "./commands/releases.ts";
import { themeCopyCommand } from "./commands/theme.ts";
import type { CliDeps } from "./deps.ts";
import { TARGET_OPTIONS, targetOf } from "./target-options.ts";
import { defaultPath } from "./typed-paths.ts";

const USAGE = `Usage (KV commands work on local KV unless --remote; --config wrangler.toml, --persist-to DIR for local):
  publish [--content DIR] [--dry-run] [--remote]   check every file in DIR (default: content), write what changed;
          [--drafts] [--future]                    locally: show drafts and posts dated later, labelled (never --remote)
                                                   --content EXPORT.xml imports a WordPress export beside it first
          [--budget N [--slice]] [--assets DIR]    at most N KV writes (--slice: what fits now, the rest on a later run);
                                                   media files go to DIR (default: wrangler.toml's [assets] directory)
  dev [--content DIR] [--drafts] [--future]         publish, serve at http://127.0.0.1:8787 and republish on every save;
      [--port N] [--ip HOST]                       open tabs reload by themselves (local only)
  deploy [--content DIR] [--dry-run]               wrangler deploy (Worker and media), then publish to the real namespace
  rollback [--to ID] [--dry-run] [--remote]        make the previous kept release (or ID) live again
  releases [--remote]                              list the kept releases
  backup FILE [--remote]                           write everything the site serves to FILE
  restore FILE [--force] [--remote]                check FILE whole, then write it into the namespace
  preview FILE [--content DIR] [--expires 7d] [--remote]
                                                   a signed link at which that one draft is served, expiring
  preview --list | --revoke ID [--remote]          the shared drafts; end one (its link answers 404)
  new "Title" [--content DIR]                      create DIR/posts/YYYY-MM-DD-slug.md
  theme copy [--content DIR]                       copy the built-in theme's _layouts/ and _includes/ into DIR to change them
  import EXPORT.xml [--out DIR] [--uploads DIR] [--menu SLUG] [--force]
                                                   a WordPress export (WXR) to a content folder (default: content)`;

/** The project's `content/` when left out (see defaultPath). */
const CONTENT = { content: { type: "string" } } as const;
const DRY_RUN = { "dry-run": { type: "boolean", default: false } } as const;
const PUBLISH_OPTIONS = {
  budget: { type: "string" },
  slice: { type: "boolean", default: false },
  assets: { type: "string" },
} as const;
/** Local preview only: what readers must never see before its time. */
const PREVIEW_OPTIONS = {
  drafts: { type: "boolean", default: false },
  future: { type: "boolean", default: false },
} as const;

export async function main(argv: readonly string[], deps: CliDeps): Promise<number> {
  try {
    const [command, ...args] = argv;
    switch (command) {
      case "publish":
      case "deploy": {
        const { values } = parseArgs({
          args,
          options: { ...CONTENT, ...DRY_RUN, ...PUBLISH_OPTIONS, ...PREVIEW_OPTIONS, ...TARGET_OPTIONS },
          strict: true,
        });
        if ((values.drafts || values.future) && (command === "deploy" || values.remote))
          return usage(
            deps,
            `--drafts and --future are for local preview only: ${command === "deploy" ? "deploy" : "publish --remote"} never shows readers a draft or a post before its date`,
          );
        const budget = values.budget === undefined ? null : Number(values.budget);
        if (budget !== null && !(Number.isInteger(budget) && budget > 0)) return usage(deps, "--budget takes a whole number of KV writes");
        if (values.slice && budget === null) return usage(deps, "--slice goes with --budget N");
        const publishArgs = {
          content: values.content ?? defaultPath(deps, "content"),
          dryRun: values["dry-run"],
          target: targetOf(values, deps),
          budget,
          slice: values.slice,
          assets: values.assets ?? null,
          preview: { drafts: values.drafts, future: values.future },
        };
        if (command === "deploy") return await deployCommand(publishArgs, deps);
        return await (isExportFile(publishArgs.content) ? publishExport : publishCommand)(publishArgs, deps);
      }
      case "dev": {
        const { values } = parseArgs({
          args,
          options: {
            ...CONTENT,
            ...PREVIEW_OPTIONS,
            ...TARGET_OPTIONS,
            assets: { type: "string" },
            ip: { type: "string", default: "127.0.0.1" },
            port: { type: "string", default: "8787" },
          },
          strict: true,
        });
        if (values.remote) return usage(deps, "dev is a local preview: it takes no --remote");
        const port = Number(values.port);
        if (!(Number.isInteger(port) && port > 0 && port < 65536)) return usage(deps, "--port takes a port number");
        return await devCommand(
          {
            content: values.content ?? defaultPath(deps, "content"),
            drafts: values.drafts,
            future: values.future,
            target: targetOf(values, deps),
            assets: values.assets ?? null,
            host: values.ip,
            port,
          },
          deps,
        );
      }
      case "rollback": {
        const { values } = parseArgs({ args, options: { to: { type: "string" }, ...DRY_RUN, ...TARGET_OPTIONS }, strict: true });
        return await rollbackCommand({ to: values.to ?? null, dryRun: values["dry-run"], target: targetOf(values, deps) }, deps);
      }
      case "releases": {
        const { values } = parseArgs({ args, options: TARGET_OPTIONS, strict: true });
        return await releasesCommand({ target: targetOf(values, deps) }, deps);
      }
      case "backup":
      case "restore": {
        const { values, positionals } = parseArgs({
          args,
          options: { force: { type: "boolean", default: false }, ...TARGET_OPTIONS },
          strict: true,
          allowPositionals: true,
        });
        const [file, ...extra] = positionals;
        if (file === undefined || extra.length > 0 || (command === "backup" && values.force))
          return usage(deps, `${command} takes one FILE`);
        const target = targetOf(values, deps);
        return command === "backup"
          ? await backupCommand({ file, target }, deps)
          : await restoreCommand({ file, force: values.force, target }, deps);
      }
      case "preview": {
        const { values, positionals } = parseArgs({
          args,
          options: {
            ...CONTENT,
            expires: { type: "string", default: "7d" },
            list: { type: "boolean", default: false },
            revoke: { type: "string" },
            ...TARGET_OPTIONS,
          },
          strict: true,
          allowPositionals: true,
        });
        const target = targetOf(values, deps);
        const [file, ...extra] = positionals;
        const actions = [file !== undefined, values.list, values.revoke !== undefined].filter(Boolean).length;
        if (actions !== 1 || extra.length > 0) return usage(deps, "preview takes one FILE, or --list, or --revoke ID");
        if (values.list) return await previewCommand({ action: "list", target }, deps);
        if (values.revoke !== undefined) return await previewCommand({ action: "revoke", id: values.revoke, target }, deps);
        return await previewCommand(
          {
            action: "share",
            file: file as string,
            content: values.content ?? defaultPath(deps, "content"),
            expires: values.expires,
            target,
          },
          deps,
        );
      }
      case "theme": {
        const { values, positionals } = parseArgs({ args, options: CONTENT, strict: true, allowPositionals: true });
        if (positionals.length !== 1 || positionals[0] !== "copy") return usage(deps, "theme takes one action: theme copy [--content DIR]");
        return await themeCopyCommand({ content: values.content ?? defaultPath(deps, "content") }, deps);
      }
      case "new": {
        const { values, positionals } = parseArgs({ args, options: CONTENT, strict: true, allowPositionals: true });
        if (positionals.length === 0) return usage(deps, 'new needs a title: new "My first post"');
        return await newCommand({ title: positionals.join(" "), content: values.content ?? defaultPath(deps, "content") }, deps);
      }
      case "import": {
        const { values, positionals } = parseArgs({
          args,
          options: {
            out: { type: "string" },
            uploads: { type: "string" },
            menu: { type: "string" },
            force: { type: "boolean", default: false },
          },
          strict: true,
          allowPositionals: true,
        });
        const [file, ...extra] = positionals;
        if (file === undefined || extra.length > 0) return usage(deps, "import takes one WordPress export: import EXPORT.xml");
        return await importCommand(
          {
            file,
            out: values.out ?? defaultPath(deps, "content"),
            uploads: values.uploads ?? null,
            menu: values.menu ?? null,
            force: values.force,
          },
          deps,
        );
      }
      case undefined:
      case "help":
      case "--help":
        deps.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        return usage(deps, `Unknown command "${command}".`);
    }
  } catch (error) {
    deps.stderr(`Error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function usage(deps: CliDeps, problem: string): number {
  deps.stderr(`${problem}\n${USAGE}`);
  return 2;
}
