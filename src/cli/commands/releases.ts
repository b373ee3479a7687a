/** `rollback` (the live release back to an earlier kept one, one write) and `releases` (what is kept). */
import { RollbackError, readHistory, rollback } from "../../store/rollback.ts";
import type { CliDeps, KvTarget } from "../deps.ts";

export async function rollbackCommand(args: { to: string | null; dryRun: boolean; target: KvTarget }, deps: CliDeps): Promise<number> {
  const kv = await deps.openKv(args.target);
  try {
    const result = await rollback(kv.port, { to: args.to, dryRun: args.dryRun });
    const verb = args.dryRun ? "Dry run: would roll back" : "Rolled back";
    deps.stdout(
      `${verb} ${kv.label} from release ${result.from.id} (#${result.from.seq}) to ${result.to.id} (published ${result.to.createdAt}), now #${result.to.seq}.`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof RollbackError)) throw error;
    deps.stderr(`Nothing was changed: ${error.message}.`);
    return 1;
  } finally {
    await kv.close();
  }
}

export async function releasesCommand(args: { target: KvTarget }, deps: CliDeps): Promise<number> {
  const kv = await deps.openKv(args.target);
  try {
    const { live, history } = await readHistory(kv.port);
    if (live === null) {
      deps.stdout(`Nothing is published in ${kv.label}.`);
      return 0;
    }
    deps.stdout(`Releases kept in ${kv.label}, oldest first:`);
    for (const e of history) deps.stdout(`  ${e.id === live.id ? "*" : " "} ${e.id}  #${e.seq}  ${e.createdAt}`);
    if (!history.some((e) => e.id === live.id)) deps.stdout(`  * ${live.id}  #${live.seq}  ${live.createdAt}`);
    return 0;
  } finally {
    await kv.close();
  }
}
