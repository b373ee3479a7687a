/** `new "Title"`: writes content/posts/YYYY-MM-DD-slug.md with front matter, never over an existing file. */
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { formatProblem } from "../../content/problem.ts";
import { parseSiteConfig } from "../../content/site-config.ts";
import { DEFAULT_SITE, type SiteConfig } from "../../model/site.ts";
import type { CliDeps } from "../deps.ts";
import { readConfigFile } from "../load-content.ts";
import { newPost } from "../new-post.ts";

export async function newCommand(args: { title: string; content: string }, deps: CliDeps): Promise<number> {
  const title = args.title.trim();
  if (title === "") {
    deps.stderr('Give the post a title: npm run new -- "My first post"');
    return 2;
  }
  const root = resolve(deps.cwd, args.content);
  // The same settings file publishing reads (_config.yml or _config.yaml): the zone and author must agree.
  let site: SiteConfig = DEFAULT_SITE;
  const config = await readConfigFile(root);
  const problems = config === null ? [] : "problem" in config ? [config.problem] : [];
  if (config !== null && !("problem" in config)) {
    const parsed = parseSiteConfig(config.path, config.text);
    if ("problems" in parsed) problems.push(...parsed.problems);
    else site = parsed.site;
  }
  if (problems.length > 0) {
    for (const p of problems) deps.stderr(formatProblem({ ...p, file: join(args.content, p.file) }));
    return 1;
  }
  const post = newPost(title, site.author, deps.now(), site.timezone);
  const dir = join(root, "posts");
  const file = join(dir, post.fileName);
  // Named under the content folder as typed (absolute stays absolute).
  const shown = join(args.content, "posts", post.fileName);
  await mkdir(dir, { recursive: true });
  try {
    // "wx": fail if the file exists, atomically, rather than check-then-write.
    await writeFile(file, post.text, { encoding: "utf8", flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    deps.stderr(`${shown} already exists; nothing was written. Choose another title or edit that file.`);
    return 1;
  }
  deps.stdout(`Created ${shown}. Edit it, then run npm run publish.`);
  return 0;
}
