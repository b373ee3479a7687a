/** Module hooks for text-modules.mjs: a `.html` or `.css` file imports as its text, as wrangler bundles it. */
import { readFile } from "node:fs/promises";

export async function load(url, context, next) {
  if (url.startsWith("file:") && /\.(?:html|css)$/.test(new URL(url).pathname)) {
    return { format: "module", shortCircuit: true, source: `export default ${JSON.stringify(await readFile(new URL(url), "utf8"))};` };
  }
  return next(url, context);
}
