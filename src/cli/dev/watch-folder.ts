/**
 * Watches a content folder, theme folders and `_config.yml` included, and calls back once per burst
 * of saves (an editor writes a file in several steps). Build output, tooling and editors' scratch
 * files are ignored.
 */
import { watch } from "node:fs";

const IGNORED =
  /(^|\/)(\.git|_site|node_modules|vendor|\.wrangler|\.jekyll-cache|\.sass-cache)(\/|$)|(^|\/)(\.#|#)[^/]*$|~$|\.(swp|swx|tmp)$/;
/** Quiet time after the last change before the burst counts as saved. */
const SETTLE_MS = 20;

export function watchFolder(root: string, onChange: (paths: string[]) => void): () => void {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  const watcher = watch(root, { recursive: true }, (_event, name) => {
    const path = name === null ? "" : String(name).split("\\").join("/");
    if (IGNORED.test(path)) return;
    pending.add(path);
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const paths = [...pending];
      pending = new Set();
      onChange(paths);
    }, SETTLE_MS);
  });
  return () => {
    if (timer !== null) clearTimeout(timer);
    watcher.close();
  };
}
