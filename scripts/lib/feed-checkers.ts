/**
 * The Atom check beside feedparser (checkers.ts): jing with the RFC 4287 RELAX NG grammar, the
 * strictest Atom check we have (see the shared TOOLS.md).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { MissingTool } from "./missing-tool.ts";

export const ATOM_RNC = process.env.ATOM_RNC ?? resolve(import.meta.dirname, "../../../shared/tools/atom.rnc");

/** jing's errors for an Atom document against the RFC 4287 grammar; empty when valid. */
export function jingAtom(xml: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), "edgepress-atom-"));
  try {
    const file = join(dir, "atom.xml");
    writeFileSync(file, xml);
    const run = spawnSync("jing", ["-c", ATOM_RNC, file], { encoding: "utf8" });
    if (run.error) throw new MissingTool(`jing is needed (Debian jing): ${run.error.message}`);
    // jing prints the document's errors on stdout; stderr carries its launcher's warnings about optional jars.
    const errors = run.stdout.split("\n").filter((l) => l.trim() !== "");
    return run.status === 0 ? [] : errors.length > 0 ? errors : [`jing exited with ${run.status}: ${run.stderr.trim()}`];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
