/**
 * One real CLI run in a process of its own, so that its time and peak RSS are its own: the parent
 * spawns the bench script again with `--child` and the CLI's arguments; the child runs the CLI and
 * prints its figures as the last line of its output.
 */
import { spawn } from "node:child_process";
import type { CliDeps } from "../../src/cli/deps.ts";

export interface ChildFigures {
  seconds: number;
  maxRssMiB: number;
  /** Everything the CLI printed. */
  out: string;
}

const MARK = "BENCH ";

/** The child's side: runs the CLI on this process's arguments (less `--child`) and exits with its code. */
export async function runCliAsChild(adjust: (deps: CliDeps) => CliDeps = (deps) => deps): Promise<never> {
  const { main } = await import("../../src/cli/main.ts");
  const { processDeps } = await import("../../src/cli/process-deps.ts");
  const started = performance.now();
  const code = await main(
    process.argv.slice(2).filter((a) => a !== "--child"),
    adjust(processDeps()),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(`${MARK}${JSON.stringify({ code, seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024 })}`);
  process.exit(code);
}

/**
 * The parent's side: runs `script --child ...cliArgs`, passing each printed line to `onLine` as it
 * comes; fails, with all the child printed, when the CLI fails.
 */
export function spawnCliChild(
  script: string,
  cliArgs: readonly string[],
  label: string,
  onLine: (line: string) => void,
): Promise<ChildFigures> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, "--child", ...cliArgs], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      out += text;
      for (const line of text.split("\n")) if (!line.startsWith(MARK)) onLine(line);
    });
    child.on("exit", (code) => {
      const figures = out
        .split("\n")
        .find((line) => line.startsWith(MARK))
        ?.slice(MARK.length);
      if (code !== 0 || figures === undefined) return fail(new Error(`${label} failed (exit ${code})\n${out}`));
      const { seconds, maxRssMiB } = JSON.parse(figures) as { seconds: number; maxRssMiB: number };
      done({ seconds, maxRssMiB, out });
    });
  });
}
