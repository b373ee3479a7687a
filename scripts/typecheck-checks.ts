/**
 * Type-checks the scripts that drive a checker package (checks/tsconfig.json lists them) when the
 * checkers' own install is there, since their types come with it. Without it, it says what was left
 * unchecked and passes: `npm run typecheck` works from the main install alone, and CI, which installs
 * the checkers first, checks everything.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { CHECKS_INSTALL } from "./lib/checks.ts";
import { ROOT } from "./lib/project.ts";

const config = join(ROOT, "checks", "tsconfig.json");
if (existsSync(join(ROOT, "checks", "node_modules"))) {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  process.exitCode = spawnSync(process.execPath, [tsc, "-p", config], { stdio: "inherit" }).status ?? 1;
} else {
  const { include } = JSON.parse(readFileSync(config, "utf8")) as { include: string[] };
  console.log(`not type-checked without the checkers' install (${CHECKS_INSTALL}): ${include.map((f) => f.replace("../", "")).join(", ")}`);
}
