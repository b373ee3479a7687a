/**
 * Independent feed checkers (see the shared TOOLS.md): Python's feedparser for RSS and Atom, jing with
 * the RFC 4287 grammar for Atom. A check we wrote ourselves could agree with our own bugs.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ATOM_RNC = process.env.ATOM_RNC ?? "/work/shared/tools/atom.rnc";

/** feedparser's verdict: `bozo` is true when the feed is not well-formed. Needs Debian python3-feedparser. */
export function feedparser(xml: string): { bozo: boolean; reason: string; version: string; entries: number } {
  const program = `
import sys, json, feedparser
d = feedparser.parse(sys.stdin.buffer.read())
print(json.dumps({"bozo": bool(d.bozo), "reason": str(d.get("bozo_exception", "")), "version": d.version, "entries": len(d.entries)}))
`;
  const run = spawnSync("/usr/bin/python3", ["-c", program], { input: xml, encoding: "utf8", maxBuffer: 64 << 20 });
  if (run.error || run.status !== 0)
    throw new Error(`feedparser did not run (Debian python3-feedparser): ${run.error?.message ?? run.stderr}`);
  return JSON.parse(run.stdout);
}

/** jing's errors for an Atom document against the RFC 4287 RELAX NG grammar; empty when valid. */
export function jingAtom(xml: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), "edgepress-atom-"));
  try {
    const file = join(dir, "atom.xml");
    writeFileSync(file, xml);
    const run = spawnSync("jing", ["-c", ATOM_RNC, file], { encoding: "utf8" });
    if (run.error) throw new Error(`jing did not run (Debian jing): ${run.error.message}`);
    // jing prints the document's errors on stdout; stderr carries its launcher's warnings about optional jars.
    const errors = run.stdout.split("\n").filter((l) => l.trim() !== "");
    return run.status === 0 ? [] : errors.length > 0 ? errors : [`jing exited with ${run.status}: ${run.stderr.trim()}`];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
