/**
 * The checkers' own install (checks/package.json): Lighthouse, Playwright, the Nu HTML Checker and
 * autocannon stay out of the blog's `npm ci`, since only the quality checks and the load run use
 * them. Scripts reach them through here, and learn the one command that installs them when absent.
 */
import { createRequire } from "node:module";
import { join, sep } from "node:path";
import { MissingTool } from "./missing-tool.ts";
import { ROOT } from "./project.ts";

export const CHECKS_INSTALL = "npm ci --prefix checks";

const INSTALLED = join(ROOT, "checks", "node_modules");
const fromChecks = createRequire(join(ROOT, "checks", "package.json"));

/**
 * The path of a file inside a checker package, e.g. "vnu-jar/build/dist/vnu.jar". Only the checkers'
 * install counts: a copy the main install happens to hold (Node's lookup climbs to it) is not used.
 */
export function checkerFile(specifier: string): string {
  const path = resolveInChecks(specifier);
  if (path === null || !path.startsWith(INSTALLED + sep)) {
    const name = specifier
      .split("/")
      .slice(0, specifier.startsWith("@") ? 2 : 1)
      .join("/");
    throw new MissingTool(`${name} is not installed; it comes with the checkers' own install: ${CHECKS_INSTALL}`);
  }
  return path;
}

/** A checker package's exports (they are CommonJS), typed by the caller: `checker<typeof Playwright>("playwright-core")`. */
export function checker<T>(name: string): T {
  return fromChecks(checkerFile(name)) as T;
}

function resolveInChecks(specifier: string): string | null {
  try {
    return fromChecks.resolve(specifier);
  } catch (error) {
    if ((error as { code?: string }).code === "MODULE_NOT_FOUND") return null;
    throw error;
  }
}
