/**
 * Independent checkers (see ../shared/TOOLS.md): the Nu HTML Checker and Python's feedparser. A check
 * we wrote ourselves could agree with our own bugs; these were written by others.
 */
import { spawnSync } from "node:child_process";
import { checkerFile } from "./checks.ts";
import { MissingTool } from "./missing-tool.ts";

/** The Nu HTML Checker (npm vnu-jar) from the checkers' install; a MissingTool naming the install when absent. */
export function nuHtmlCheckerJar(): string {
  return checkerFile("vnu-jar/build/dist/vnu.jar");
}

/** Runs the Nu HTML Checker on saved files; returns its error lines (empty when all are valid). */
export function nuHtmlErrors(files: readonly string[]): string[] {
  if (files.length === 0) return [];
  const jar = nuHtmlCheckerJar();
  const run = spawnSync("java", ["-jar", jar, "--errors-only", "--format", "gnu", ...files], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw new MissingTool(`java is needed for the Nu HTML Checker: ${run.error.message}`);
  return `${run.stdout}${run.stderr}`.split("\n").filter((line) => line.trim() !== "");
}

export interface FeedVerdict {
  bozo: boolean;
  reason: string;
  version: string;
  entries: number;
  titles: string[];
}

/** Parses a feed with feedparser, which imports only under Debian's /usr/bin/python3. */
export function feedparser(xml: string): FeedVerdict {
  const program = `
import sys, json, feedparser
d = feedparser.parse(sys.stdin.buffer.read())
print(json.dumps({"bozo": bool(d.bozo), "reason": str(d.get("bozo_exception", "")), "version": d.version,
                  "entries": len(d.entries), "titles": [e.get("title", "") for e in d.entries]}))
`;
  const run = spawnSync("/usr/bin/python3", ["-c", program], { input: xml, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.error || run.status !== 0) {
    throw new MissingTool(`feedparser is needed (Debian python3-feedparser): ${run.error?.message ?? run.stderr.trim()}`);
  }
  return JSON.parse(run.stdout) as FeedVerdict;
}
