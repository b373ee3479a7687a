/**
 * Paths as the user typed them. `npm run` starts a script in the project's folder, but a relative
 * path the user typed is relative to the folder they typed it in, which npm passes on as INIT_CWD.
 * Messages name a path in the user's own spelling: absolute stays absolute, relative stays relative.
 */
import { dirname, join, resolve } from "node:path";

/**
 * The folder typed paths are relative to: npm's INIT_CWD when npm started this process in the
 * project (its `npm_package_json` is here), else the working folder. A program that merely inherited
 * npm's environment and runs somewhere else (a test, a script's child) keeps its own folder.
 */
export function typingFolder(env: Record<string, string | undefined>, cwd: string): string {
  const { INIT_CWD: typedIn, npm_package_json: packageJson } = env;
  if (!typedIn || !packageJson || resolve(dirname(packageJson)) !== resolve(cwd)) return cwd;
  return resolve(typedIn);
}

/**
 * A default path of the project (`content`, `wrangler.toml`), spelled for messages: as named when the
 * command was typed in the project folder, else in full (never climbing out of the user's folder).
 */
export function defaultPath(where: { cwd: string; project?: string }, name: string): string {
  const project = where.project ?? where.cwd;
  return resolve(project) === resolve(where.cwd) ? name : join(project, name);
}
