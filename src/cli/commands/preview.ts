/**
 * `preview`: share one draft before it is public. `preview FILE` compiles the site with that file made
 * public, stores the draft's page beside the releases (the live release and its pages stay as they
 * are) and prints a signed link that expires; `--list` shows the previews, `--revoke ID` ends one.
 */
import { readFile } from "node:fs/promises";
import { relative, resolve, sep } from "node:path";
import { compileDraft } from "../../compile/draft-preview.ts";
import { formatProblem } from "../../content/problem.ts";
import { listPreviews, previewLink, revokePreview, sharePreview } from "../../store/previews.ts";
import type { CliDeps, KvTarget } from "../deps.ts";
import { loadContent } from "../load-content.ts";

export type PreviewArgs =
  | { action: "share"; file: string; content: string; expires: string; target: KvTarget }
  | { action: "list"; target: KvTarget }
  | { action: "revoke"; id: string; target: KvTarget };

/** Where `npm run dev` serves the local store. */
const LOCAL_ORIGIN = "http://127.0.0.1:8787";
const UNITS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
/** Longer than this is not a preview any more. */
const MAX_LIFETIME_MS = 365 * UNITS.d;

/** `30m`, `12h`, `7d` in ms, or null for anything else. */
export function parseLifetime(text: string): number | null {
  const m = /^(\d+)([mhd])$/.exec(text.trim());
  if (m === null) return null;
  const ms = Number(m[1]) * UNITS[m[2] as keyof typeof UNITS];
  return ms > 0 && ms <= MAX_LIFETIME_MS ? ms : null;
}

export async function previewCommand(args: PreviewArgs, deps: CliDeps): Promise<number> {
  if (args.action === "share") return share(args, deps);
  const kv = await deps.openKv(args.target);
  try {
    if (args.action === "revoke") {
      if (!(await revokePreview(kv.port, args.id))) {
        deps.stderr(`No preview ${args.id} in ${kv.label} (\`npm run preview -- --list\` shows them).`);
        return 1;
      }
      deps.stdout(`Revoked preview ${args.id}: its link answers 404 from now on (1 KV delete).`);
      return 0;
    }
    const previews = await listPreviews(kv.port);
    if (previews.length === 0) deps.stdout(`No previews in ${kv.label}.`);
    const now = deps.now().getTime();
    for (const p of previews) {
      const state = p.expires > now ? `until ${when(p.expires)}` : `expired ${when(p.expires)}`;
      deps.stdout(`${p.id}  ${p.source}  ${p.permalink}  ${state}`);
      if (p.expires > now) deps.stdout(`  ${originFor(args.target, p.site.url)}${await previewLink(kv.port, p.id)}`);
    }
    return 0;
  } finally {
    await kv.close();
  }
}

async function share(args: Extract<PreviewArgs, { action: "share" }>, deps: CliDeps): Promise<number> {
  const lifetime = parseLifetime(args.expires);
  if (lifetime === null) {
    deps.stderr(`--expires takes a number and a unit, m, h or d (such as 30m, 12h, 7d), at most 365d; not "${args.expires}"`);
    return 2;
  }
  const root = resolve(deps.cwd, args.content);
  const abs = resolve(deps.cwd, args.file);
  const path = relative(root, abs).split(sep).join("/");
  if (path.startsWith("../") || path === "" || resolve(root, path) !== abs) {
    deps.stderr(`${args.file}: not inside the content folder ${args.content}`);
    return 1;
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await readFile(abs));
  } catch {
    deps.stderr(`${args.file}:1: cannot read it as UTF-8 text`);
    return 1;
  }
  const now = deps.now().getTime();
  const draft = compileDraft(await loadContent(root), { path, text, inPosts: false }, now);
  if ("problems" in draft) {
    deps.stderr(`Nothing was shared: ${draft.problems.length} problem${draft.problems.length === 1 ? "" : "s"} to fix first.`);
    for (const p of draft.problems) deps.stderr(formatProblem(p));
    return 1;
  }
  const kv = await deps.openKv(args.target);
  try {
    const { source: _source, ...page } = draft.ok;
    const shared = await sharePreview(kv.port, { ...page, source: path }, now, lifetime);
    const origin = originFor(args.target, page.site.url);
    deps.stdout(`Preview of ${path} (to be ${page.permalink}) in ${kv.label}, until ${when(shared.record.expires)}:`);
    deps.stdout(`  ${origin}${shared.path}`);
    if (!args.target.remote) deps.stdout("  (served by `npm run dev`; add --remote for a link on the live site)");
    else if (page.site.url === null) deps.stdout("  (on your site's address: _config.yml sets no url)");
    deps.stdout(`Revoke it with: npm run preview -- --revoke ${shared.record.id}${args.target.remote ? " --remote" : ""}`);
    deps.stdout(
      `${shared.writes} KV write${shared.writes === 1 ? "" : "s"}${shared.deleted > 0 ? `, ${shared.deleted} expired previews deleted` : ""}; the live release is unchanged.`,
    );
    return 0;
  } finally {
    await kv.close();
  }
}

function originFor(target: KvTarget, siteUrl: string | null): string {
  if (!target.remote) return LOCAL_ORIGIN;
  return siteUrl === null ? "" : siteUrl.replace(/\/+$/, "");
}

function when(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
